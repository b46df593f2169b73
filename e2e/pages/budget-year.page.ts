import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openedDialog } from '../support/dialogs.ts';
import { chooseOption as choose } from '../support/select.ts';

/** A button whose two-character Chinese name antd spaces out (送 审). */
const named = (text: string): RegExp => new RegExp(`^${[...text].join('\\s*')}$`, 'u');

export type DeclaredRow = {
  level1: string;
  level2: string;
  name: string;
  comparator: string;
  target: string;
  measureUnit: string;
  weight: string;
};

/** 绩效目标申报 (/app/declarations) and the declaration editor (/app/declarations/:id). */
export class DeclarationPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/declarations`);
    await this.page.getByRole('heading', { name: '绩效目标申报' }).waitFor();
  }

  /** 新建申报 → the editor of the new draft. */
  async create(projectName: string, fiscalYear: number): Promise<string> {
    await this.openList();
    await this.page.getByRole('button', { name: '新建申报' }).click();
    const dialog = await openedDialog(this.page);
    await dialog.getByLabel('项目名称').fill(projectName);
    await dialog.getByLabel('预算年度').fill(String(fiscalYear));
    await dialog.getByRole('button', { name: '创建草稿' }).click();
    await this.page.waitForURL(/\/app\/declarations\/[0-9a-f-]{36}$/u);
    await this.waitUntilLoaded();
    return this.page.url().split('/').pop() ?? '';
  }

  /** Opens the declaration from the list, as a reviewer reaches it. */
  async openFromList(projectName: string): Promise<void> {
    await this.openList();
    await this.page.getByRole('link', { name: projectName }).first().click();
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByText('目标质量审核').waitFor();
  }

  async fillFacts(facts: { total: string; appropriation: string; goal: string }): Promise<void> {
    await this.page.getByLabel('年度资金总额', { exact: true }).fill(facts.total);
    await this.page.getByLabel('其中：财政拨款', { exact: true }).fill(facts.appropriation);
    await this.page.getByLabel('年度总体目标', { exact: true }).fill(facts.goal);
  }

  /** 添加指标 and fills the new last row. */
  async addRow(row: DeclaredRow): Promise<void> {
    await this.page.getByRole('button', { name: '添加指标' }).click();
    const number = await this.page.getByLabel(/^第 \d+ 行三级指标$/u).count();
    const prefix = `第 ${number} 行`;
    const main = this.page.locator('#main');
    await choose(this.page, main, `${prefix}一级指标`, row.level1);
    await choose(this.page, main, `${prefix}二级指标`, row.level2);
    await this.page.getByLabel(`${prefix}三级指标`, { exact: true }).fill(row.name);
    await choose(this.page, main, `${prefix}指标性质`, row.comparator);
    await this.page.getByLabel(`${prefix}年度指标值`, { exact: true }).fill(row.target);
    await this.page.getByLabel(`${prefix}计量单位`, { exact: true }).fill(row.measureUnit);
    await this.page.getByLabel(`${prefix}分值`, { exact: true }).fill(row.weight);
  }

  cell(row: number, field: '年度指标值' | '分值' | '三级指标'): Locator {
    return this.page.getByLabel(`第 ${row} 行${field}`, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: named('保存') }).click();
    await this.page.getByText('有未保存的修改').waitFor({ state: 'hidden' });
  }

  /** An action without a reason (送审, 审核通过, 撤回); waits for the status to change. */
  async act(action: '送审' | '审核通过' | '撤回送审'): Promise<void> {
    const before = await this.status();
    await this.page.getByRole('button', { name: named(action) }).click();
    await expect.poll(() => this.status()).not.toBe(before);
  }

  /** 退回 or 调整, with the reason the dialog requires. */
  async actWithReason(action: '退回' | '调整', reason: string): Promise<void> {
    await this.page.getByRole('button', { name: named(action) }).click();
    const dialog = await openedDialog(this.page);
    await dialog.getByRole('textbox').fill(reason);
    await dialog.getByRole('button', { name: action === '退回' ? '确认退回' : '开始调整' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('declaration-status').textContent()) ?? '';
  }

  async findings(): Promise<string> {
    return (await this.page.locator('#declaration-findings').textContent()) ?? '';
  }

  async history(): Promise<string> {
    return (await this.page.locator('#declaration-history').textContent()) ?? '';
  }

  actions(): Locator {
    return this.page.getByTestId('declaration-actions').getByRole('button');
  }
}

/** 运行监控 (/app/monitoring) and the report form (/app/monitoring/:id). */
export class MonitoringPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/monitoring${query}`);
    await this.page.getByRole('heading', { name: '运行监控' }).waitFor();
  }

  /** The bureau's 设置监控时点. */
  async createRound(fiscalYear: number, asOf: string, dueDate: string): Promise<void> {
    await this.open(`?year=${fiscalYear}`);
    const card = this.page.locator('.ant-card').filter({ hasText: '设置监控时点' });
    await card.getByLabel('年度').fill(String(fiscalYear));
    await card.getByLabel('监控时点').fill(asOf);
    await card.getByLabel('截止日期').fill(dueDate);
    await card.getByRole('button', { name: named('设置') }).click();
    await this.page.locator('.ant-select', { hasText: asOf }).waitFor();
  }

  /** The unit's 填报监控 for a project → the report form. */
  async startReport(fiscalYear: number, projectName: string): Promise<void> {
    await this.open(`?year=${fiscalYear}`);
    const row = this.page
      .locator('tr')
      .filter({ hasText: projectName })
      .filter({ has: this.page.getByRole('button', { name: '填报监控' }) });
    await row.getByRole('button', { name: '填报监控' }).click();
    await this.page.waitForURL(/\/app\/monitoring\/[0-9a-f-]{36}$/u);
    await this.page.getByText('绩效指标完成情况').waitFor();
  }

  async fillFunds(source: string, executed: string, expectedAnnual: string): Promise<void> {
    await this.page.getByLabel(`${source}截至监控时点执行数`, { exact: true }).fill(executed);
    await this.page.getByLabel(`${source}全年预计执行数`, { exact: true }).fill(expectedAnnual);
  }

  indicator(name: string): Locator {
    return this.page.getByTestId('monitored-indicator').filter({ hasText: name });
  }

  async fillIndicator(
    name: string,
    values: {
      progress: string;
      expectedAnnual: string;
      likelihood: string;
      causes?: string[];
      reason?: string;
      measures?: string;
    },
  ): Promise<void> {
    const card = this.indicator(name);
    await card.getByLabel(/执行情况$/u).fill(values.progress);
    await card.getByLabel(/全年预计$/u).fill(values.expectedAnnual);
    for (const cause of values.causes ?? []) await card.getByRole('checkbox', { name: cause }).check();
    if (values.reason) await card.getByLabel(/原因说明$/u).fill(values.reason);
    await card.getByRole('radio', { name: values.likelihood }).check();
    if (values.measures) await card.getByLabel(/纠偏措施$/u).fill(values.measures);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: named('提交') }).click();
    await this.page.getByText('已报送', { exact: true }).first().waitFor();
  }

  async findings(): Promise<string> {
    return (await this.page.locator('#monitoring-findings').textContent()) ?? '';
  }

  reportRow(unitName: string): Locator {
    return this.page.locator('.ant-table-row').filter({ hasText: unitName });
  }
}
