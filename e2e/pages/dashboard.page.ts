import type { Locator, Page } from 'playwright-core';

/** 绩效看板 /app/dashboard: the counts and the charts, each a way into the evaluations behind it. */
export class DashboardPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(year?: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/dashboard${year === undefined ? '' : `?year=${year}`}`);
    await this.page.getByRole('heading', { name: '绩效看板', level: 2 }).waitFor();
    await this.countLinks('按状态查看自评').first().waitFor();
  }

  /** The links under a chart ("优 2 份"), by the name of their list (按等级查看自评, 按状态查看自评). */
  countLinks(listName: string): Locator {
    return this.page.getByRole('navigation', { name: listName }).getByRole('link');
  }

  /** The count a link under a chart states, by its label (优, 待财政局审核 …). */
  async countOf(listName: string, label: string): Promise<number> {
    const text = await this.countLinks(listName)
      .filter({ hasText: new RegExp(`^${label} \\d+ 份$`, 'u') })
      .textContent();
    const count = /(\d+) 份$/u.exec(text ?? '')?.[1];
    if (count === undefined) throw new Error(`no count for ${label}: ${text}`);
    return Number(count);
  }

  /** A statistic card that opens the evaluations it counts (自评份数, 执行率偏低), by its title. */
  statisticLink(title: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${title} \\d+`, 'u') });
  }

  /** The number a statistic card shows. */
  async statisticValue(title: string): Promise<number> {
    const text = await this.statisticLink(title).locator('.ant-statistic-content-value').textContent();
    if (text === null || !/^[\d,]+$/u.test(text)) throw new Error(`no number on ${title}: ${text}`);
    return Number(text.replaceAll(',', ''));
  }

  async followStatistic(title: string): Promise<void> {
    await this.statisticLink(title).click();
    await this.page.waitForURL(/\/app\/evaluations\?/u);
  }

  async followCount(listName: string, label: string): Promise<void> {
    await this.countLinks(listName)
      .filter({ hasText: new RegExp(`^${label} \\d+ 份$`, 'u') })
      .click();
    await this.page.waitForURL(/\/app\/evaluations\?/u);
  }

  /**
   * Clicks a bar of a bar chart (各状态自评份数柱状图, 按类型统计的审核发现柱状图) on its canvas: bars run left from the
   * grid's edge (180 px in) in the order of the links under it, each centred in its band of the plot (16 px from the
   * top, 24 px short of the bottom).
   */
  async clickBar(chartLabel: string, index: number, bars: number): Promise<void> {
    const chart = this.page.getByRole('img', { name: chartLabel });
    // Drawn and done animating: before that a bar may not yet reach the point clicked.
    await this.page.locator(`[aria-label="${chartLabel}"][aria-busy="false"]`).waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error(`${chartLabel} is not shown`);
    const band = (box.height - 16 - 24) / bars;
    await chart.click({ position: { x: 184, y: 16 + band * (index + 0.5) } });
    await this.page.waitForURL(/\/app\/evaluations\?/u);
  }
}
