import type { Locator, Page } from 'playwright-core';

/** 批量审核: the upload, the job's progress, the list of jobs and the result table. */
export class BulkAuditPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async visit(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/bulk-audits`);
    await this.page.getByRole('heading', { name: '批量审核' }).waitFor();
  }

  /** Uploads a zip and waits for the job's result table to list `rows` rows (audited, skipped and refused). */
  async audit(zipPath: string, rows: number): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(zipPath);
    await this.page.getByText(`逐份结果（${rows} / ${rows}）`).waitFor();
  }

  /** The card of the per-report result table. */
  private results(): Locator {
    return this.page.locator('.ant-card').filter({ hasText: /逐份结果（/u });
  }

  /** The result table's body as people read it. */
  async tableBodyText(): Promise<string> {
    return (await this.results().locator('.ant-table-tbody').textContent()) ?? '';
  }

  /** Each row of the result table as its visible cells' text, keyed by its file. */
  async rowsByFile(): Promise<Map<string, string[]>> {
    const rows = await Promise.all(
      (await this.results().locator('.ant-table-tbody tr.ant-table-row').all()).map(async (row) =>
        (await row.locator('td').allTextContents()).map((text) => text.trim()),
      ),
    );
    // Column 0 is the expand button, column 1 the file; a file of several forms keeps its first row here.
    const byFile = new Map<string, string[]>();
    for (const cells of rows) if (!byFile.has(cells[1] ?? '')) byFile.set(cells[1] ?? '', cells);
    return byFile;
  }

  async filter(words: string): Promise<void> {
    await this.page.getByLabel('筛选报告').fill(words);
  }

  async waitForShown(shown: number, rows: number): Promise<void> {
    await this.page.getByText(`逐份结果（${shown} / ${rows}）`).waitFor();
  }

  /** The progress bar's words (“15 / 15 个文件”). */
  async progressText(): Promise<string> {
    return (await this.page.getByLabel('审核进度').textContent()) ?? '';
  }

  /** The 进度 cell of the job in the list of uploads. */
  async listedProgress(zipName: string): Promise<string> {
    const row = this.page.locator('.ant-card').filter({ hasText: '我的批量审核' }).locator('tr', { hasText: zipName });
    return (await row.locator('td').nth(3).textContent()) ?? '';
  }

  /** How far the page reaches past the window's right edge (0 or less when nothing overflows sideways). */
  overflow(): Promise<number> {
    return this.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  }
}
