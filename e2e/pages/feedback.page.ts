import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

/** The 公众反馈 section under a published report on the portal. */
export class PortalFeedbackSection {
  constructor(private readonly page: Page) {}

  section(): Locator {
    return this.page.locator('section.portal-feedback');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.section().getByRole('heading', { name: '公众反馈' }).waitFor();
    await this.section().getByRole('button', { name: '提交反馈' }).waitFor();
  }

  async send(body: string, contact?: string): Promise<void> {
    await this.section().getByLabel('反馈内容').fill(body);
    if (contact) await this.section().getByLabel('联系方式（选填，不公开）').fill(contact);
    await this.section().getByRole('button', { name: '提交反馈' }).click();
  }

  outcome(): Locator {
    return this.section().getByRole('alert');
  }

  /** The published messages, each with its reply. */
  items(): Locator {
    return this.section().locator('.portal-feedback-item');
  }

  /** The honeypot input: present in the DOM, hidden from people and from the accessibility tree. */
  honeypot(): Locator {
    return this.section().locator('.portal-honeypot input');
  }
}

/** The staff page /app/feedback. */
export class FeedbackModerationPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/feedback`);
    await this.page.getByRole('heading', { name: '公众反馈', level: 2 }).waitFor();
  }

  card(body: string): Locator {
    return this.page.getByTestId('feedback-card').filter({ hasText: body });
  }

  /** Runs one action on the message with `body`: fills the dialog's fields by label and confirms. */
  async act(body: string, action: string, fields: Record<string, string>): Promise<void> {
    await this.card(body).getByRole('button', { name: action }).click();
    const dialog = await openedDialog(this.page);
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    // antd spaces out a two-character button label: its name is 确 定.
    await dialog.getByRole('button', { name: /^确\s*定$/u }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
