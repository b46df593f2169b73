import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DashboardPage } from './pages/dashboard.page.ts';
import { EvaluationListPage } from './pages/evaluation-list.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

/**
 * From the dashboard's counts to the evaluations behind them, on the demo district as the finance bureau sees it:
 * the list says what it is filtered by, shows as many rows as the count said, and grows when a filter is removed.
 */
describe('dashboard drill-down in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('a grade count opens the list of that grade, tagged, with as many rows; closing the tag shows them all', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.open();
    const excellent = await dashboard.countOf('按等级查看自评', '优');
    expect(excellent).toBeGreaterThan(0);

    await dashboard.followCount('按等级查看自评', '优');
    const list = new EvaluationListPage(page);
    await list.waitUntilLoaded();
    expect(new URL(page.url()).searchParams.get('grade')).toBe('excellent');
    expect(await list.filterTags()).toEqual(['等级：优（已送审）']);
    expect(await list.total()).toBe(excellent);
    expect(await list.rows().count()).toBe(excellent);

    await list.removeFilter('等级：优（已送审）');
    await expect.poll(() => list.filterTags()).toEqual([]);
    await list.waitUntilLoaded();
    await expect.poll(() => list.total()).toBeGreaterThan(excellent);
    expect(await list.rows().count()).toBeGreaterThan(excellent);
    expect(sessions.errors).toEqual([]);
  });

  it('a status bar on the chart opens the year and status, as many rows as its count', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.open(2022);
    const statuses = await dashboard.countLinks('按状态查看自评').allTextContents();
    const [first] = statuses;
    const match = /^(\S+) (\d+) 份$/u.exec(first ?? '');
    if (!match?.[1] || !match[2]) throw new Error(`no status counts: ${statuses.join()}`);
    const [, label, count] = match;

    await dashboard.clickBar('各状态自评份数柱状图', 0, statuses.length);
    const list = new EvaluationListPage(page);
    await list.waitUntilLoaded();
    expect(await list.filterTags()).toEqual(['年度：2022 年度', `状态：${label}`]);
    expect(await list.total()).toBe(Number(count));
    expect(await list.rows().count()).toBe(Number(count));

    // Back on the dashboard, the year it showed is still chosen.
    await page.goBack();
    await page.getByRole('heading', { name: '绩效看板', level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    expect(sessions.errors).toEqual([]);
  });

  it('the 执行率偏低 card opens the submitted evaluations with low execution, as many as it shows', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.open();
    const low = await dashboard.statisticValue('执行率偏低');
    expect(low).toBeGreaterThan(0);

    await dashboard.followStatistic('执行率偏低');
    const list = new EvaluationListPage(page);
    await list.waitUntilLoaded();
    expect(new URL(page.url()).searchParams.get('lowExecution')).toBe('1');
    expect(await list.filterTags()).toEqual(['执行率偏低（已送审）']);
    expect(await list.total()).toBe(low);
    expect(await list.rows().count()).toBe(low);
    expect(sessions.errors).toEqual([]);
  });

  it("a finding type's bar opens the submitted evaluations with that finding, as many as its count", async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const dashboard = new DashboardPage(page, server.url);
    await dashboard.open();
    const findings = await dashboard.countLinks('按审核发现查看自评').allTextContents();
    // The second bar: a click below the first band, on a count of several evaluations.
    const match = /^(.+) (\d+) 份$/u.exec(findings[1] ?? '');
    if (!match?.[1] || !match[2]) throw new Error(`no finding counts: ${findings.join()}`);
    const [, title, count] = match;
    expect(Number(count)).toBeGreaterThan(1);

    await dashboard.clickBar('按类型统计的审核发现柱状图', 1, findings.length);
    const list = new EvaluationListPage(page);
    await list.waitUntilLoaded();
    expect(new URL(page.url()).searchParams.get('finding')).toMatch(/^[A-Z_]+$/u);
    expect(await list.filterTags()).toEqual([`发现：${title}（已送审）`]);
    expect(await list.total()).toBe(Number(count));
    expect(await list.rows().count()).toBe(Number(count));

    // The link under the chart leads to the same list, and within a year as well.
    await page.goBack();
    await dashboard.countLinks('按审核发现查看自评').nth(1).click();
    await list.waitUntilLoaded();
    expect(await list.filterTags()).toEqual([`发现：${title}（已送审）`]);
    expect(await list.total()).toBe(Number(count));
    await dashboard.open(2022);
    const [first] = await dashboard.countLinks('按审核发现查看自评').allTextContents();
    const inYear = /^(.+) (\d+) 份$/u.exec(first ?? '');
    if (!inYear?.[1] || !inYear[2]) throw new Error(`no finding counts in 2022: ${first}`);
    await dashboard.countLinks('按审核发现查看自评').first().click();
    await list.waitUntilLoaded();
    expect(await list.filterTags()).toEqual(['年度：2022 年度', `发现：${inYear[1]}（已送审）`]);
    expect(await list.total()).toBe(Number(inYear[2]));
    expect(sessions.errors).toEqual([]);
  });
});
