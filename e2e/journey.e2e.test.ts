import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorPage } from './pages/editor.page.ts';
import { EvaluationsPage } from './pages/evaluations.page.ts';
import { HomePage } from './pages/home.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { ReviewQueuePage } from './pages/review.page.ts';
import { DEMO_USERS, type E2eServer, SEED_REPORT, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '征收工作经费';
const RETURN_REASON = '预算执行率仅73.03%，请在“存在的问题及原因分析”中说明资金执行偏低的原因。';
const EXPLANATION = '资金执行率偏低，主要原因是部分征收项目结算延至次年，另有10万元年末已申请支付但未支付。';

/**
 * The whole year in one run, from an empty unit: the filler imports the seed report, fixes a finding and
 * submits; the unit and the department approve; the finance bureau returns it with a reason; the filler
 * answers and resubmits; the bureau sees what changed, approves and publishes; a visitor downloads the PDF.
 * Each person signs in once, on their own browser, and stays signed in through the year.
 */
describe('one evaluation from import to publication, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  const downloads = mkdtempSync(join(tmpdir(), 'jixiao-e2e-downloads-'));

  /** A reviewer opens the evaluation from their queue and decides. */
  const decide = async (username: string, decision: '审核通过' | '退回' | '公开', reason?: string) => {
    const page = await sessions.signedIn(username);
    const queue = new ReviewQueuePage(page, server.url);
    await queue.open();
    const review = await queue.openReview(PROJECT);
    await review.decide(decision, reason);
    return { page, review };
  };

  beforeAll(async () => {
    server = await startE2eServer('accounts');
    await sessions.start();
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('the filler imports the seed report, fixes the total it states and submits', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const evaluations = new EvaluationsPage(page, server.url);
    await evaluations.open();
    await evaluations.importFile(SEED_REPORT);

    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await page.getByText('已从“kaifu-2022.txt”导入为草稿，请核对后送审').waitFor();
    expect(await editor.liveTotal()).toContain('97.30');
    // The seed states 100 points where the rules give 97.30 (rules.md's worked example).
    expect(await editor.findings()).toContain('总分与复核合计不符');

    await page.getByLabel('自评总分').fill('97.30');
    await expect.poll(() => editor.findings()).not.toContain('总分与复核合计不符');
    await editor.save();
    await editor.waitUntilSaved();
    await editor.submit();
    await page.waitForURL(/\/app$/u);
  });

  it('the unit and the department approve it; the finance bureau returns it with a reason', async () => {
    await decide(DEMO_USERS.unitApprover, '审核通过');
    await decide(DEMO_USERS.departmentReviewer, '审核通过');
    const { page } = await decide(DEMO_USERS.financeReviewer, '退回', RETURN_REASON);
    await page.waitForURL(/\/app\/review$/u);
  });

  it('the filler reads the reason, explains the low execution and resubmits', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const home = new HomePage(page);
    await home.visit(server.url);
    expect(await home.waitingProjects()).toEqual([PROJECT]);
    // The 待办 already says who sent it back, from which stage, and why.
    await page.getByText(`财政局审核退回`).waitFor();
    await page.getByText(`财政局审核员：${RETURN_REASON}`).waitFor();
    await home.open(PROJECT);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await page.getByText(`退回原因：${RETURN_REASON}`).waitFor();
    await page.getByText(/被财政局审核退回（财政局审核员）/u).waitFor();

    const problems = page.getByLabel('第七部分正文');
    await problems.fill(`${await problems.inputValue()}${EXPLANATION}`);
    await editor.save();
    await editor.waitUntilSaved();
    await editor.submit();
    await page.waitForURL(/\/app$/u);
  });

  it('after the unit and department approve again, the bureau sees the change, approves and publishes', async () => {
    await decide(DEMO_USERS.unitApprover, '审核通过');
    await decide(DEMO_USERS.departmentReviewer, '审核通过');

    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const queue = new ReviewQueuePage(page, server.url);
    await queue.open();
    const review = await queue.openReview(PROJECT);
    const diff = review.diff();
    await diff.getByText('修改对比：第').waitFor();
    expect(await diff.textContent()).toContain(EXPLANATION);
    expect(await review.history()).toContain(RETURN_REASON);
    // The seed's outcome indicators are all qualitative: the cross-unit analysis says so beside the review.
    await page.locator('#review-risks').getByText('效益指标全为定性').waitFor();
    await review.decide('审核通过');
    await expect.poll(() => review.status()).toBe('已通过');
    await review.decide('公开');
    await expect.poll(() => review.status()).toBe('已公开');
    // The history names who decided each step, and records the publication.
    await expect.poll(() => review.history()).toContain('公开（财政局审核员）');
    expect(await review.history()).toContain('财政局审核 通过（财政局审核员）');
  });

  it('an anonymous visitor finds it on the portal and downloads its PDF', async () => {
    const page = await sessions.newPage({ acceptDownloads: true });
    const portal = new PortalPage(page, server.url);
    await portal.open();
    expect(await portal.listedProjects()).toEqual([PROJECT]);
    await portal.openReport(PROJECT);
    await page.getByText('97.30').first().waitFor();

    // The PDF's request is held until the page has said it is being made: the first one waits for Chromium.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/documents/report.pdf', async (route) => {
      await held;
      await route.continue();
    });
    const link = page.getByRole('link', { name: /自评报告（PDF）/u });
    const downloaded = page.waitForEvent('download');
    await link.click();
    await page.getByRole('link', { name: '正在生成自评报告（PDF）…' }).waitFor();
    expect(await link.getAttribute('aria-busy')).toBe('true');
    release();
    const download = await downloaded;
    await page.getByRole('link', { name: '下载自评报告（PDF）' }).waitFor();
    expect(download.suggestedFilename()).toMatch(/征收工作经费.*\.pdf$/u);
    const file = join(downloads, 'report.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Lines wrap wherever the page ends them: compare without whitespace.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
    expect(text).toContain(PROJECT);
    expect(text).toContain('97.30');
    expect(text).toContain(EXPLANATION);
  });

  it('raised no uncaught error in any page', () => {
    expect(sessions.errors).toEqual([]);
  });
});
