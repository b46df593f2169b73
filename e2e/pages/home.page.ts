import type { Page } from 'playwright-core';

export class HomePage {
  constructor(private readonly page: Page) {}

  /** 待办, loaded afresh. */
  async visit(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/app`);
    await this.page.getByRole('heading', { name: /您好/u }).waitFor();
  }

  /** The project names listed as waiting for this person. */
  async waitingProjects(): Promise<string[]> {
    await this.page.locator('.ant-table-row').first().waitFor();
    return this.page.locator('.ant-table-row td:first-child a').allTextContents();
  }

  async open(projectName: string): Promise<void> {
    await this.page.getByRole('link', { name: projectName, exact: true }).click();
  }

  navigationItems(): Promise<string[]> {
    return this.page.getByRole('menu', { name: '主导航' }).getByRole('menuitem').allTextContents();
  }
}
