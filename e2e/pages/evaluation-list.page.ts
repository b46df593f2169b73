import type { Locator, Page } from 'playwright-core';

/** A reviewer's 自评列表 /app/evaluations under the filters its URL carries, shown as removable tags. */
export class EvaluationListPage {
  constructor(private readonly page: Page) {}

  /** Waits until the list has answered and shows its rows. */
  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: '自评列表', level: 2 }).waitFor();
    await this.page.getByTestId('evaluation-total').waitFor();
    await this.page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
  }

  /** "共 N 份": how many evaluations the filters hold (all pages). */
  async total(): Promise<number> {
    const text = await this.page.getByTestId('evaluation-total').textContent();
    return Number(/共 (\d+) 份/u.exec(text ?? '')?.[1] ?? Number.NaN);
  }

  rows(): Locator {
    return this.page.locator('.ant-table-row');
  }

  filterTags(): Promise<string[]> {
    return this.page.getByRole('region', { name: '筛选条件' }).locator('.ant-tag').allTextContents();
  }

  async removeFilter(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `移除筛选“${label}”` }).click();
  }
}
