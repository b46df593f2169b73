import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

export class EditorPage {
  constructor(private readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByText('复核得分（实时）').waitFor();
  }

  /** The live total shown beside the form. */
  async liveTotal(): Promise<string> {
    return (await this.page.locator('.score-panel .ant-statistic-content').first().textContent()) ?? '';
  }

  cell(row: number, field: '年度指标值' | '实际完成值' | '分值' | '自评得分' | '偏差原因分析及改进措施'): Locator {
    return this.page.getByLabel(`第 ${row} 行${field}`, { exact: true });
  }

  /** What the parser understood under a target / actual cell. */
  reading(row: number, field: '年度指标值' | '实际完成值'): Locator {
    return this.cell(row, field).locator('xpath=following-sibling::div[contains(@class,"cell-reading")]');
  }

  groupSum(group: 'output' | 'outcome' | 'satisfaction'): Locator {
    return this.page.getByTestId(`group-sum-${group}`);
  }

  async findings(): Promise<string[]> {
    return this.page.locator('.finding-button strong').allTextContents();
  }

  /** Deletes the indicator row numbered `row` (1-based, as the row's labels read). */
  async deleteRow(row: number): Promise<void> {
    await this.page.getByRole('button', { name: `第 ${row} 行删除`, exact: true }).click();
  }

  /** The message a deletion leaves ("已删除第 N 行“name”" with 撤销). */
  removalMessage(): Locator {
    return this.page.locator('.row-removed');
  }

  /** 撤销 in the message of the deletion of the row named `name`. */
  async undoDeletion(name: string): Promise<void> {
    await this.removalMessage()
      .filter({ hasText: `“${name}”` })
      .getByRole('button', { name: /^撤\s*销$/u })
      .click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^保\s*存$/u }).click();
  }

  /** 送审, confirmed in the dialog that asks. */
  async submit(): Promise<void> {
    await this.page
      .locator('.editor-toolbar')
      .getByRole('button', { name: /^送\s*审$/u })
      .click();
    const dialog = await openedDialog(this.page);
    await dialog.getByRole('button', { name: /^送\s*审$/u }).click();
  }

  /** Until the save state reads 已保存 (a save answered and nothing typed since). */
  async waitUntilSaved(): Promise<void> {
    await this.page.locator('.save-state', { hasText: /^已保存$/u }).waitFor();
  }

  saveState(): Locator {
    return this.page.locator('.save-state');
  }

  conflictAlert(): Locator {
    return this.page.getByText('保存冲突：有人在您之后保存了这份自评');
  }
}
