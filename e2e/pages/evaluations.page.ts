import type { Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

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

  /** 新建自评: an empty draft of a project and year; the editor opens on it. */
  async createDraft(projectName: string, fiscalYear: number): Promise<void> {
    await this.page.getByRole('button', { name: '新建自评' }).click();
    const dialog = await openedDialog(this.page);
    await dialog.getByLabel('项目名称').fill(projectName);
    await dialog.getByLabel('预算年度').fill(String(fiscalYear));
    await dialog.getByRole('button', { name: '创建草稿' }).click();
    await this.page.waitForURL(/\/app\/evaluations\/[\w-]+$/u);
  }
}
