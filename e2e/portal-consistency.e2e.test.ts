import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PortalFeedbackSection } from './pages/feedback.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '征收工作经费';
const UNIT = '开福区城市房屋征收和补偿管理办公室';

/**
 * The portal says one thing once (issue 16): the published seed report's 主管部门 is the list's, the form's own cell
 * only a note; its stated total of 100 is shown as stated but marked against the recomputed 97.30 and explained;
 * no rule id or rule-set code reaches the visitor; and the list is searched by project or unit name.
 */
describe('the portal’s report page agrees with its list, in Chromium', () => {
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

  it('shows the list’s 主管部门, a marked stated total, and no internal codes', async () => {
    const page = await sessions.newPage();
    const portal = new PortalPage(page, server.url);
    await portal.open();
    const listed = (await portal.listedRows()).find((row) => row.project === PROJECT);
    expect(listed?.department).toBe('开福区住房和城乡建设局');

    await portal.openReport(PROJECT);
    // The seed's 主管部门 cell names the unit itself: the registered department is shown, the cell as a note.
    expect(await portal.reportDepartment()).toEqual({
      department: listed?.department,
      statedNote: `报告填写为：${UNIT}`,
    });

    const totals = portal.totalsRow();
    expect(await totals.textContent()).toContain('100.00');
    expect(await totals.textContent()).toContain('97.30');
    await totals.getByText('与复核不一致').waitFor();
    expect(await portal.totalsExplanation().textContent()).toContain(
      '填报总分 100.00，各项得分合计 97.30（含预算执行 7.30 分），复核总分 97.30',
    );

    // Everything the page holds, the collapsed explanations and the feedback loaded after the report included.
    await new PortalFeedbackSection(page).waitUntilLoaded();
    const text = (await portal.report().textContent()) ?? '';
    expect(text).toContain('正向定量指标计分：');
    expect(text).toContain('财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）1.0.0 版');
    expect(text).not.toMatch(/[A-Z]+-[A-Z]+-\d/u);
    expect(text).not.toMatch(/\b[A-Z]+-\d/u);
    expect(text).not.toContain('@1.0.0');
    expect(text).not.toContain('national-2020');
    expect(sessions.errors).toEqual([]);
  });

  it('searches the list by project or unit name, keeps the search in the address, and says when nothing matches', async () => {
    const page = await sessions.newPage();
    const portal = new PortalPage(page, server.url);
    await portal.open();

    await portal.search('征收');
    await expect
      .poll(async () => {
        const rows = await portal.listedRows();
        return rows.length > 0 && rows.every((row) => `${row.project}${row.unit}`.includes('征收'));
      })
      .toBe(true);
    expect((await portal.listedRows()).map((row) => row.project)).toContain(PROJECT);

    await portal.search('zzzz');
    await portal.nothingFound('zzzz').waitFor();
    expect(await portal.listedRows()).toEqual([]);

    // A search is a link: opened afresh, the address gives the same list and fills the box.
    await page.goto(`${server.url}/?q=${encodeURIComponent(PROJECT)}`);
    await expect
      .poll(async () => {
        const projects = (await portal.listedRows()).map((row) => row.project);
        return projects.includes(PROJECT) && projects.every((project) => project.includes(PROJECT));
      })
      .toBe(true);
    expect(await page.getByRole('searchbox', { name: '搜索' }).inputValue()).toBe(PROJECT);
    expect(sessions.errors).toEqual([]);
  });

  it('opens an explanation beneath its row without squeezing the table, and shows the report’s own tables', async () => {
    const page = await sessions.newPage();
    const portal = new PortalPage(page, server.url);
    await portal.open();
    await portal.openReport(PROJECT);
    const before = await portal.indicatorColumns();
    const explanation = await portal.openExplanation(0);
    expect(explanation).toMatch(/(计分|扣分|得分)：\S/u);
    // The columns keep their widths to the pixel's rounding: the explanation is a row of its own.
    const after = await portal.indicatorColumns();
    expect(after.map((column) => column.name)).toEqual(before.map((column) => column.name));
    for (const [index, column] of after.entries()) {
      expect(Math.abs(column.width - (before[index]?.width ?? 0))).toBeLessThan(2);
    }
    // Section 二's funds table is a table, its 合计 row in cells, not a line of spaced text.
    const tables = await portal.narrativeTables();
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.flat()).toContainEqual(['合计', '38', '38', '27.75', '27.75']);
    expect(sessions.errors).toEqual([]);
  });

  it('shows the 复核得分 column on a phone’s screen without scrolling sideways', async () => {
    const page = await sessions.newPage({ viewport: { width: 390, height: 844 } });
    const portal = new PortalPage(page, server.url);
    await portal.open();
    await portal.openReport(PROJECT);
    const columns = await portal.indicatorColumns();
    const score = columns.find((column) => column.name === '复核得分');
    expect(score?.right).toBeLessThanOrEqual(390);
    expect(await portal.indicatorTableOverflow()).toBe(0);
    await portal.openExplanation(0);
    const opened = (await portal.indicatorColumns()).find((column) => column.name === '复核得分');
    expect(opened?.right).toBeLessThanOrEqual(390);
    expect(await portal.indicatorTableOverflow()).toBe(0);
    expect(sessions.errors).toEqual([]);
  });
});
