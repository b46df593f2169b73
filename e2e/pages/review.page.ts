import type { Locator, Page } from 'playwright-core';
import { openedDialog } from '../support/dialogs.ts';

export class ReviewQueuePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/review`);
    await this.page.locator('.ant-table-row').first().waitFor();
  }

  /** Project names, riskiest first. */
  rankedProjects(): Promise<string[]> {
    return this.page.locator('.ant-table-row a[href^="/app/review/"]').allTextContents();
  }

  async openReview(projectName: string): Promise<ReviewPage> {
    await this.page.getByRole('link', { name: projectName, exact: true }).click();
    const review = new ReviewPage(this.page);
    await review.waitUntilLoaded();
    return review;
  }
}

export class ReviewPage {
  constructor(private readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByText('审核记录（含退回原因、公开）').waitFor();
  }

  /** The 修改对比 card: what changed since the revision last returned. */
  diff(): Locator {
    return this.page.locator('#review-changes');
  }

  /** The changes listed in the 修改对比 card, one text each (kind, place, field, values), once loaded. */
  async changes(): Promise<string[]> {
    await this.diff()
      .getByText(/^复核得分/u)
      .waitFor();
    const items = this.diff().locator('.change-item');
    return (await items.allInnerTexts()).map((text) => text.replace(/\s+/gu, ' ').trim());
  }

  /** The 审核记录 timeline (reviews with names, publications) as text. */
  async history(): Promise<string> {
    return (await this.page.locator('#review-history').textContent()) ?? '';
  }

  async status(): Promise<string> {
    return (await this.page.locator('h3 .ant-tag').textContent()) ?? '';
  }

  /** Clicks a decision button and confirms it, with a reason when the decision needs one. */
  async decide(decision: '审核通过' | '退回' | '公开' | '撤回公开', reason?: string): Promise<void> {
    const name = new RegExp(`^${[...decision].join('\\s*')}$`, 'u');
    await this.page.locator('.editor-toolbar').getByRole('button', { name }).click();
    const dialog = await openedDialog(this.page);
    if (reason !== undefined) await dialog.getByLabel(/原因/u).fill(reason);
    await dialog.getByRole('button', { name }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
