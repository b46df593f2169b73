import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppealPanel, AppealsPage } from './pages/appeal.page.ts';
import { ReviewPage } from './pages/review.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '老旧房屋安全排查项目';
const REASONS = '完成排查户数以街道签认的附表为准，附表已随申诉提交。';
const RULING = '附表与实际完成值一致，退回理由不成立，按复核意见调整得分。';

/**
 * 申诉 / 复议: the unit appeals the bureau's return with an evidence file; the bureau's second finance reviewer
 * (not the one who returned it) amends the score, which overturns the return; the first reviewer publishes it and
 * the portal shows 经复议 with the original and the amended score.
 */
describe('申诉 and 复议 in Chromium', () => {
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

  it('a unit appeals its returned evaluation with evidence and a second bureau reviewer amends the score', async () => {
    const unit = await sessions.signedIn(DEMO_USERS.filler);
    const panel = new AppealPanel(unit, server.url);
    const evaluationId = await panel.openEvaluation(PROJECT);
    expect(await panel.deadline()).toMatch(/可在 \d{4}-\d{2}-\d{2} 前（含当日）申诉/u);
    // While returned, the unit may also add 佐证材料 to an indicator row.
    await panel.attachEvidenceToFirstRow({
      name: '排查记录.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('排查户数 1200 户，见街道签认表。\n'),
    });
    await expect.poll(async () => (await panel.evidenceCounts())[0]).toBe('佐证材料（1）');
    await panel.appeal(REASONS, [
      { name: '排查附表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 排查附表\n') },
    ]);
    const filed = await panel.summary();
    expect(filed).toContain('待复议');
    expect(filed).toContain(REASONS);
    expect(filed).toContain('排查附表.pdf');

    const bureau = await sessions.signedIn(DEMO_USERS.secondFinanceReviewer);
    // 待办 names the appeal waiting for a ruling.
    await bureau
      .getByTestId('appeal-todo')
      .getByRole('link', { name: `2023 年度 ${PROJECT}` })
      .waitFor();
    const appeals = new AppealsPage(bureau, server.url);
    await appeals.open();
    await appeals.amend(PROJECT, 83.456, RULING);
    await appeals.showAll();
    await expect.poll(async () => appeals.card(PROJECT).first().textContent()).toContain('复议改变');
    expect(await appeals.card(PROJECT).first().textContent()).toContain('调整为 83.46（良）');

    // The return is overturned: the reviewer who returned it publishes the approved evaluation.
    const reviewer = await sessions.signedIn(DEMO_USERS.financeReviewer);
    await reviewer.goto(`${server.url}/app/review/${evaluationId}`);
    const review = new ReviewPage(reviewer);
    await review.waitUntilLoaded();
    expect(await review.history()).toContain('复议改变原退回决定');
    // The reviewer sees the row's evidence beside it (read-only rows show only those that have some).
    expect(await reviewer.locator('.evidence-trigger').allTextContents()).toEqual(['佐证材料（1）']);
    await review.decide('公开');

    const visitor = await sessions.newPage();
    await visitor.goto(`${server.url}/reports/${evaluationId}`);
    const note = visitor.getByTestId('reconsideration');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('经复议');
    expect(text).toContain('调整为 83.46 分（良）');
    expect(text).toContain(RULING);
    expect(await visitor.locator('.portal-facts').textContent()).toContain('83.46 分');

    await panel.openEvaluation(PROJECT);
    expect(await panel.panel().getByTestId('appeal-amendment').textContent()).toContain(
      '经复议，得分调整为 83.46（良）',
    );
  });
});
