import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

/** 申诉 on the unit's evaluation page: the appeal panel, its dialog and the rulings it lists. */
export class AppealPanel {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Opens the unit's evaluation by its name from 自评填报; returns its id. */
  async openEvaluation(projectName: string): Promise<string> {
    await this.page.goto(`${this.baseUrl}/app/evaluations`);
    await this.page.getByRole('link', { name: projectName, exact: true }).click();
    await this.page.waitForURL(/\/app\/evaluations\/[\w-]+$/u);
    await this.panel().waitFor();
    return this.page.url().split('/').pop() ?? '';
  }

  panel(): Locator {
    return this.page.getByTestId('appeal-panel');
  }

  /** Uploads a 佐证材料 file on the first indicator row through its popover; waits until the row counts it. */
  async attachEvidenceToFirstRow(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('.evidence-trigger').first().click();
    const popover = this.page.getByTestId('evidence-popover');
    await popover.locator('input[type=file]').setInputFiles(file);
    await popover.getByRole('link', { name: file.name }).waitFor();
  }

  /** The evidence counts of the rows, as their buttons read (佐证材料（1）). */
  evidenceCounts(): Promise<string[]> {
    return this.page.locator('.evidence-trigger').allTextContents();
  }

  async deadline(): Promise<string> {
    return (await this.panel().getByTestId('appeal-deadline').textContent()) ?? '';
  }

  /** Files an appeal with its reasons and evidence files; waits until the panel lists it. */
  async appeal(reasons: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.panel()
      .getByRole('button', { name: /申\s*诉/u })
      .click();
    const dialog = await openedDialog(this.page);
    await dialog.getByLabel('申诉理由').fill(reasons);
    await dialog.locator('input[type=file]').setInputFiles(files);
    for (const file of files) await dialog.getByText(file.name).waitFor();
    await dialog.getByRole('button', { name: '提交申诉' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.panel().getByTestId('appeal-summary').waitFor();
  }

  async summary(): Promise<string> {
    return (await this.panel().getByTestId('appeal-summary').first().textContent()) ?? '';
  }
}

/** 申诉复议 (/app/appeals): the bureau's list and its ruling dialog. */
export class AppealsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/appeals`);
    await this.page.getByRole('heading', { name: '申诉与复议', level: 2 }).waitFor();
  }

  card(projectName: string): Locator {
    return this.page.getByTestId('appeal-card').filter({ hasText: projectName });
  }

  /** Rules 改变 with a new score and the reasons; waits until the dialog closes. */
  async amend(projectName: string, score: number, reason: string): Promise<void> {
    await this.card(projectName)
      .getByRole('button', { name: /复\s*议/u })
      .click();
    const dialog = await openedDialog(this.page);
    await dialog.getByText('改变（调整得分或撤销问题）').click();
    await dialog.getByLabel('调整后的得分').fill(String(score));
    await dialog.getByLabel('复议理由').fill(reason);
    await dialog.getByRole('button', { name: '记录复议结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Shows every appeal (the list starts with the pending ones). */
  async showAll(): Promise<void> {
    await this.page.getByText('全部', { exact: true }).click();
  }
}
