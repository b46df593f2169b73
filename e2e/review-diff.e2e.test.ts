import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorPage } from './pages/editor.page.ts';
import { EvaluationsPage } from './pages/evaluations.page.ts';
import { HomePage } from './pages/home.page.ts';
import { ReviewQueuePage } from './pages/review.page.ts';
import { DEMO_USERS, type E2eServer, SEED_REPORT, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '征收工作经费';
const RETURN_REASON = '培训考核合格率与培训及时率重复，请删去一项；法律顾问及时率目标偏低。';
/** The seed's row 6, between rows the filler keeps. */
const DELETED = '征收业务培训考核合格率';
/** The seed's row 10 (row 9 once row 6 is gone): its target goes from 95% to 98%. */
const EDITED = '法律顾问工作完成及时率';

/**
 * The 修改对比 a reviewer reads after a unit deletes a row in the middle of the indicator table, edits a target
 * and rewords a sentence: exactly those three changes, in the form's words — not every later row shifted by one.
 */
describe('the reviewer sees what changed since the return, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);

  const openReview = async (username: string) => {
    const page = await sessions.signedIn(username);
    const queue = new ReviewQueuePage(page, server.url);
    await queue.open();
    return { page, review: await queue.openReview(PROJECT) };
  };

  beforeAll(async () => {
    server = await startE2eServer('accounts');
    await sessions.start();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('a first submission has nothing to compare with, not its own import', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const evaluations = new EvaluationsPage(page, server.url);
    await evaluations.open();
    await evaluations.importFile(SEED_REPORT);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await page.getByLabel('自评总分').fill('97.30');
    await editor.save();
    await editor.waitUntilSaved();
    await editor.submit();
    await page.waitForURL(/\/app$/u);

    const { page: reviewerPage, review } = await openReview(DEMO_USERS.unitApprover);
    await review.diff().getByText('首次送审，无可对比的版本').waitFor();
    expect(await review.diff().textContent()).not.toContain('表单内容没有变化');
    await review.decide('退回', RETURN_REASON);
    await reviewerPage.waitForURL(/\/app\/review$/u);
  }, 90_000);

  it('the filler deletes a middle row, edits a target, rewords a sentence and resubmits; the reviewer sees exactly that', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const home = new HomePage(page);
    await home.visit(server.url);
    await home.open(PROJECT);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await page.getByText(`退回原因：${RETURN_REASON}`).waitFor();

    await expect.poll(() => page.getByLabel('第 6 行三级指标名称', { exact: true }).inputValue()).toBe(DELETED);
    await editor.deleteRow(6);
    await expect.poll(() => page.getByLabel('第 9 行三级指标名称', { exact: true }).inputValue()).toBe(EDITED);
    await editor.cell(9, '年度指标值').fill('98%');
    const performance = page.getByLabel('第六部分正文');
    await performance.fill((await performance.inputValue()).replace('做好了相关准备', '打下了基础'));
    await editor.save();
    await editor.waitUntilSaved();
    await editor.submit();
    await page.waitForURL(/\/app$/u);

    const { page: reviewerPage, review } = await openReview(DEMO_USERS.unitApprover);
    await review.diff().getByText('修改对比：第').waitFor();
    const changes = await review.changes();
    expect(changes).toHaveLength(3);
    expect(changes[0]).toMatch(
      new RegExp(`^删除 三级指标“${DELETED}” 产出指标 · 质量指标；年度指标值 95%；实际完成值 100%`, 'u'),
    );
    expect(changes[1]).toBe(`修改 三级指标“${EDITED}”：年度指标值 95% → 98%`);
    // A changed paragraph shows the words deleted and inserted, not the whole paragraph struck through.
    expect(changes[2]).toMatch(/^修改 自评报告 · 六、项目支出主要绩效：正文 .*顺利开展做好了相关准备打下了基础。$/u);
    const paragraph = review.diff().locator('.change-item').nth(2);
    expect(await paragraph.locator('del').allTextContents()).toEqual(['做好了相关准备']);
    expect(await paragraph.locator('ins').allTextContents()).toEqual(['打下了基础']);
    const card = (await review.diff().textContent()) ?? '';
    // The rows below the deleted one keep their findings (the seed's 法顾顾问 typo): neither resolved nor new.
    expect(card).not.toContain('疑似错别字');
    // The weights no longer add up to 100, in the total and in its group: one title, said once.
    expect(card.split('分值合计不为100')).toHaveLength(2);
    expect(card).not.toMatch(/output|outcome|quality|timeliness|indicators|\{|\}/u);

    // It fits on a desktop and on a phone: nothing sticks out of the card, a place reads on one line.
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await reviewerPage.setViewportSize(viewport);
      const layout = await review.diff().evaluate((element) => {
        const box = element.getBoundingClientRect();
        const parts = [...element.querySelectorAll('.change-item *')].map((part) => part.getBoundingClientRect());
        const places = [...element.querySelectorAll('.change-place')].map((place) => place.getBoundingClientRect());
        return {
          overflow: element.scrollWidth - element.clientWidth,
          outside: parts.filter((part) => part.right > box.right + 1 || part.left < box.left - 1).length,
          tallestPlace: Math.max(...places.map((place) => place.height)),
        };
      });
      expect(layout, `at ${viewport.width} px`).toEqual({ overflow: 0, outside: 0, tallestPlace: expect.any(Number) });
      expect(layout.tallestPlace, `at ${viewport.width} px`).toBeLessThan(30);
      const folder = process.env['JIXIAO_E2E_SCREENSHOTS'];
      if (folder) await review.diff().screenshot({ path: `${folder}/review-changes-${viewport.width}.png` });
    }
  }, 120_000);
});
