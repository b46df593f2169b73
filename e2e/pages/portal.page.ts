import type { Locator, Page } from 'playwright-core';

export class PortalPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.getByRole('heading', { name: '项目支出绩效自评结果' }).waitFor();
    await this.page.locator('.portal-table tbody tr').first().waitFor();
  }

  async filterYear(year: number): Promise<void> {
    await this.page.getByLabel('年度').selectOption(String(year));
    await this.page.getByText(/共 \d+ 份/u).waitFor();
  }

  async listedProjects(): Promise<string[]> {
    return this.page.locator('.portal-table tbody td:first-child a').allTextContents();
  }

  async openReport(projectName: string): Promise<void> {
    await this.page.getByRole('link', { name: projectName, exact: true }).click();
    // The heading: the print header (screen-hidden) also names the 自评表.
    await this.page.getByRole('heading', { name: '项目支出绩效自评表' }).waitFor();
  }

  /** The indicator rows, without the 计分说明 rows beneath them. */
  indicatorRows(): Locator {
    return this.page.locator('.portal-indicators tbody tr:not(.portal-explain-row)');
  }

  /** Opens the 计分说明 of the indicator row at this index (0-based) and returns its text. */
  async openExplanation(index: number): Promise<string> {
    const toggle = this.indicatorRows()
      .nth(index)
      .getByRole('button', { name: /展开计分说明/u });
    // Read before the click: once open, the button's name says 收起 and no longer matches.
    const explanation = this.page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
    await toggle.click();
    await explanation.waitFor();
    return (await explanation.textContent()) ?? '';
  }

  /** The indicator table's header cells as { name, left, right, width } in CSS pixels, hidden columns left out. */
  async indicatorColumns(): Promise<{ name: string; left: number; right: number; width: number }[]> {
    return this.page.locator('.portal-indicators thead th').evaluateAll((cells) =>
      cells
        .map((cell) => ({ name: cell.textContent?.trim() ?? '', box: cell.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .map(({ name, box }) => ({ name, left: box.left, right: box.right, width: box.width })),
    );
  }

  /** How far the indicator table reaches past its frame, in CSS pixels (0: nothing to scroll sideways for). */
  async indicatorTableOverflow(): Promise<number> {
    return this.page
      .locator('.portal-table-wrap:has(.portal-indicators)')
      .evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
  }

  /** The tables inside the report text, each as rows of cell texts. */
  async narrativeTables(): Promise<string[][][]> {
    return this.page
      .locator('.narrative-table')
      .evaluateAll((tables) =>
        tables.map((table) =>
          [...table.querySelectorAll('tr')].map((row) =>
            [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
          ),
        ),
      );
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }

  /** Searches the list by project or unit name, and waits for the address to carry the search. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索' }).fill(text);
    await this.page.getByRole('button', { name: '搜索', exact: true }).click();
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  /** The list's rows as 项目名称 · 实施单位 · 主管部门, in the order shown. */
  async listedRows(): Promise<{ project: string; unit: string; department: string }[]> {
    return this.page.locator('.portal-table tbody tr').evaluateAll((rows) =>
      rows
        .filter((row) => row.querySelector('a') !== null)
        .map((row) => {
          const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '');
          return { project: cells[0] ?? '', unit: cells[2] ?? '', department: cells[3] ?? '' };
        }),
    );
  }

  /** The message of a search that found nothing. */
  nothingFound(text: string): Locator {
    return this.page.getByText(`未找到与“${text}”相关的报告`);
  }

  /** The report's 主管部门 fact: the registered department, then the form's when it says another. */
  async reportDepartment(): Promise<{ department: string; statedNote: string | null }> {
    const fact = this.page
      .locator('.portal-facts > div')
      .filter({ has: this.page.locator('dt', { hasText: '主管部门' }) });
    const note = fact.locator('.portal-stated-note');
    const statedNote = (await note.count()) > 0 ? await note.textContent() : null;
    // The department is the fact's own text, before the note's element.
    const department = await fact.locator('dd').evaluate((dd) => dd.firstChild?.textContent ?? '');
    return { department: department.trim(), statedNote };
  }

  /** The totals row under the indicators (总分). */
  totalsRow(): Locator {
    return this.page.locator('.portal-indicators tfoot tr');
  }

  /** The line under the table that explains a stated total which disagrees. */
  totalsExplanation(): Locator {
    return this.page.locator('.portal-total-check');
  }

  report(): Locator {
    return this.page.locator('article.portal-report');
  }
}
