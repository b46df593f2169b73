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

    await dashboard.clickStatusBar(0, statuses.length);
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
});
