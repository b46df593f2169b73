import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

type FundRow = '年度资金总额' | '其中：当年财政拨款' | '上年结转资金' | '其他资金';
type FundColumn = '年初预算数' | '全年预算数' | '全年执行数';

/** The editor's numeric cells: fund amounts, their messages, the live figures they feed and 送审 refused over them. */
export class EditorNumbers {
  constructor(private readonly page: Page) {}

  fundCell(row: FundRow, column: FundColumn): Locator {
    return this.page.getByLabel(`${row}${column}`, { exact: true });
  }

  indicatorCell(row: number, field: '分值' | '自评得分'): Locator {
    return this.page.getByLabel(`第 ${row} 行${field}`, { exact: true });
  }

  /** The message under a cell (its error, or how a written unit was read), found through aria-describedby. */
  async messageOf(cell: Locator): Promise<string | null> {
    const id = await cell.getAttribute('aria-describedby');
    if (!id) return null;
    return this.page.locator(`[id="${id}"]`).textContent();
  }

  /** The error banner above the form that lists every wrong cell. */
  problemsBanner(): Locator {
    return this.page.locator('.number-problems');
  }

  /** The live total beside the form, "—" while it rests on a wrong cell. */
  async liveTotal(): Promise<string> {
    return (await this.page.locator('.score-panel .ant-statistic-content').first().textContent()) ?? '';
  }

  async liveGrade(): Promise<string> {
    return (await this.page.getByTestId('live-grade').textContent()) ?? '';
  }

  /** The 预算执行 line of the score panel. */
  async executionLine(): Promise<string> {
    return (await this.page.locator('.score-panel .plain-button').first().textContent()) ?? '';
  }

  /** Clicks 送审 and returns the dialog that opens (the confirmation, or the refusal listing wrong cells). */
  async clickSubmit(): Promise<Locator> {
    await this.page
      .locator('.editor-toolbar')
      .getByRole('button', { name: /^送\s*审$/u })
      .click();
    return openedDialog(this.page);
  }
}
