import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

/** The review page's 整改事项 card: 从问题生成, 转为整改 and the items registered on the evaluation. */
export class ReviewRectificationCard {
  constructor(private readonly page: Page) {}

  card(): Locator {
    return this.page.locator('#rectification');
  }

  async open(baseUrl: string, evaluationId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/app/review/${evaluationId}`);
    await this.card().getByRole('button', { name: '从问题生成' }).waitFor();
  }

  /**
   * 从问题生成: keeps the first proposed problem only, rewrites its description, keeps the proposed measure and
   * registers it. Returns the measure the dialog proposed.
   */
  async createFromFirstProblem(description: string): Promise<string> {
    await this.card().getByRole('button', { name: '从问题生成' }).click();
    const dialog = await openedDialog(this.page);
    const proposals = dialog.getByTestId('rectification-proposal');
    await proposals.first().waitFor();
    const count = await proposals.count();
    for (let index = 1; index < count; index += 1) await proposals.nth(index).getByRole('checkbox').uncheck();
    await dialog.getByLabel('问题 1 描述').fill(description);
    const measure = await dialog.getByLabel('问题 1 措施').inputValue();
    await dialog.getByRole('button', { name: '登记所选' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return measure;
  }

  item(description: string): Locator {
    return this.card().locator('.ant-list-item').filter({ hasText: description });
  }
}

/** 整改跟踪 (/app/rectifications) and its item drawer. */
export class RectificationsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/rectifications`);
    await this.page.getByRole('heading', { name: '整改跟踪', level: 2 }).waitFor();
  }

  rows(): Locator {
    return this.page.locator('.ant-table-row');
  }

  row(description: string): Locator {
    return this.rows().filter({ hasText: description });
  }

  drawer(): Locator {
    return this.page.getByTestId('rectification-detail');
  }

  async openItem(description: string): Promise<void> {
    await this.row(description).getByRole('button', { name: description }).click();
    await this.drawer().waitFor();
  }

  async status(): Promise<string> {
    return (await this.drawer().getByTestId('rectification-status').textContent()) ?? '';
  }

  /** Runs an action of the open item, filling its one text field when given. */
  async act(action: string, text?: string): Promise<void> {
    await this.drawer().getByRole('button', { name: action, exact: true }).click();
    const dialog = await openedDialog(this.page, action);
    if (text !== undefined) await dialog.getByRole('textbox').fill(text);
    await dialog.getByRole('button', { name: /^确\s*定$/u }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async attach(fileName: string, content: string): Promise<void> {
    await this.drawer()
      .getByLabel('选择整改佐证材料')
      .setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(content) });
    await this.drawer().getByRole('link', { name: fileName }).waitFor();
  }
}
