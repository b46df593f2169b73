import type { Download, Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

/** The bureau's 结果应用 page /app/result-application. */
export class ResultApplicationPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(year: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/result-application?year=${year}`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: '结果应用', level: 2 }).waitFor();
    await this.page.getByRole('button', { name: '保存政策' }).waitFor();
  }

  /** Sets the numbers of the policy table by their labels (e.g. 中等级压减上限 → 15) and the 申诉 period, and saves. */
  async setPolicy(bounds: Record<string, number>, appealPeriodDays: number): Promise<void> {
    for (const [label, value] of Object.entries(bounds)) await this.page.getByLabel(label).fill(String(value));
    await this.page.getByLabel('申诉期限（天）').fill(String(appealPeriodDays));
    await this.page.getByRole('button', { name: '保存政策' }).click();
    await this.page.getByText(/已保存 \d{4} 年度结果应用政策/u).waitFor();
  }

  policyCard(): Locator {
    return this.page.locator('.ant-card').filter({ hasText: '年度结果应用政策' });
  }

  row(projectName: string): Locator {
    return this.page.locator('.ant-table-row').filter({ hasText: projectName });
  }

  /**
   * Opens the decision dialog of a project, picks the decision and percentage, and returns the dialog (still open)
   * so the test can read the warning before giving the reason and saving with `save`.
   */
  async startDecision(projectName: string, decision: string, percent?: number): Promise<Locator> {
    await this.page.getByRole('button', { name: `记录结果应用：${projectName}` }).click();
    const dialog = await openedDialog(this.page);
    await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: decision }).click();
    if (percent !== undefined) await dialog.getByLabel('调整比例').fill(String(percent));
    return dialog;
  }

  async save(dialog: Locator, reason: string): Promise<void> {
    await dialog.getByLabel('理由').fill(reason);
    await dialog.getByRole('button', { name: '保存决定' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Clicks the Excel button; the page must come from a context that accepts downloads. */
  async download(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: '下载结果应用表（Excel）' }).click(),
    ]);
    return download;
  }
}
