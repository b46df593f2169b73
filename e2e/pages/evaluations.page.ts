import type { Page } from 'playwright-core';

/** 自评填报: a filler's evaluations, new drafts and imports. */
export class EvaluationsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/evaluations`);
    await this.page.getByRole('heading', { name: '自评填报' }).waitFor();
  }

  /** Imports a report file into a new draft; the editor opens on it. */
  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('选择要导入的自评表文件').setInputFiles(path);
    await this.page.waitForURL(/\/app\/evaluations\/[\w-]+$/u);
  }
}
