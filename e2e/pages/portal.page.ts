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
    await this.page.getByText('项目支出绩效自评表').waitFor();
  }

  indicatorRows(): Locator {
    return this.page.locator('.portal-indicators tbody tr');
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }
}
