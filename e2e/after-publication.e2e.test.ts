import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppealPanel, AppealsPage } from './pages/appeal.page.ts';
import { EvaluationsPage } from './pages/evaluations.page.ts';
import { FeedbackModerationPage, PortalFeedbackSection } from './pages/feedback.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { RectificationsPage, ReviewRectificationCard } from './pages/rectification.page.ts';
import { ResultApplicationPage } from './pages/result-application.page.ts';
import { ReviewPage } from './pages/review.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const QUESTION = '报告说征收片区已完成扫尾，但片区内还有两处围挡没有拆除，什么时候清理？';
const REPLY = '围挡将于本季度内拆除，拆除情况将在整改事项中跟踪。';
const ITEM = '征收片区围挡未拆除，扫尾工作未完全到位（公众反馈）';
const MISTAKE = '误登记的整改事项（E2E 撤销）';
const APPEALED_PROJECT = '老旧房屋安全排查项目';
const RULING = '附表与实际完成值一致，退回理由不成立，按复核意见调整得分。';

/** A calendar day in China `days` from today, as the deadline fields take it. */
const chinaDateIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * After publication, one chain in one district: a visitor's feedback on the published seed report becomes, through
 * the bureau, a 整改 item the unit works to closure; a mistaken item is 撤销; another evaluation is appealed and
 * amended, published and shown 经复议; next year's draft of the seed project carries the items still open; and the
 * year's 结果应用表 holds the seed project's decision. Each step asserts what the person doing it sees.
 */
describe('after publication: feedback → 整改 → 申诉 → next year → 结果应用, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  const downloads = mkdtempSync(join(tmpdir(), 'jixiao-e2e-after-publication-'));
  let seed: { id: string; projectName: string; fiscalYear: number; unitName: string };

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
    seed = await server.running.database.db
      .selectFrom('evaluations as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select(['e.id', 'e.project_name as projectName', 'e.fiscal_year as fiscalYear', 'o.name as unitName'])
      .where('e.status', '=', 'published')
      .orderBy('e.fiscal_year')
      .executeTakeFirstOrThrow();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  const openPublishedSeed = async (): Promise<PortalFeedbackSection> => {
    const page = await sessions.newPage();
    const portal = new PortalPage(page, server.url);
    await portal.open();
    await portal.openReport(seed.projectName);
    const feedback = new PortalFeedbackSection(page);
    await feedback.waitUntilLoaded();
    return feedback;
  };

  it('1. a visitor leaves feedback on the published seed report and is told it waits for review', async () => {
    const feedback = await openPublishedSeed();
    await feedback.send(QUESTION);
    await expect.poll(async () => feedback.outcome().textContent()).toContain('经审核后将在本页公开');
    expect(await feedback.section().textContent()).not.toContain(QUESTION);
  }, 120_000);

  it('2. the bureau publishes it with a reply and turns it into a 整改 item of the seed unit', async () => {
    const moderation = new FeedbackModerationPage(await sessions.signedIn(DEMO_USERS.financeReviewer), server.url);
    await moderation.open();
    await moderation.card(QUESTION).getByText('待审核').waitFor();
    await moderation.act(QUESTION, '公开并答复', { '答复（与反馈一并公开）': REPLY });
    await moderation.card(QUESTION).getByText('已公开').waitFor();
    await moderation.act(QUESTION, '转为整改', {
      问题描述: ITEM,
      '整改措施（选填）': '拆除剩余围挡并清运建筑垃圾，在下一年度自评中说明',
      整改期限: chinaDateIn(45),
    });
    await moderation.card(QUESTION).getByText('已转为整改事项').waitFor();

    const feedback = await openPublishedSeed();
    const published = feedback.items().filter({ hasText: QUESTION });
    await published.getByText(REPLY).waitFor();
    expect(await published.textContent()).toContain('财政部门答复');
  }, 120_000);

  it('3. the unit starts the item, records progress, uploads evidence and submits it', async () => {
    const unit = new RectificationsPage(await sessions.signedIn(DEMO_USERS.filler), server.url);
    await unit.open();
    expect(await unit.row(ITEM).textContent()).toContain('待整改');
    await unit.openItem(ITEM);
    const detail = (await unit.drawer().textContent()) ?? '';
    expect(detail).toContain(seed.unitName);
    expect(detail).toContain(`公众反馈：${QUESTION}`);
    expect(detail).toContain(chinaDateIn(45));
    await unit.act('开始整改', '已联系施工单位制定拆除计划');
    await expect.poll(() => unit.status()).toBe('整改中');
    await unit.act('更新进展', '两处围挡已拆除一处，另一处待管线迁改后拆除');
    await expect.poll(async () => unit.drawer().textContent()).toContain('另一处待管线迁改后拆除');
    await unit.attach('围挡拆除照片说明.txt', '两处围挡均已拆除，现场已清运完毕。');
    await unit.act('提交验收', '两处围挡均已拆除，建筑垃圾已清运');
    await expect.poll(() => unit.status()).toBe('待验收');
  }, 120_000);

  it('4. the department reviewer closes it with the closing decision', async () => {
    const reviewer = new RectificationsPage(await sessions.signedIn(DEMO_USERS.departmentReviewer), server.url);
    await reviewer.open();
    await reviewer.openItem(ITEM);
    expect(await reviewer.drawer().getByRole('link', { name: '围挡拆除照片说明.txt' }).count()).toBe(1);
    await reviewer.act('验收销号', '现场核实围挡已拆除，同意销号');
    await expect.poll(() => reviewer.status()).toBe('已销号');
    const history = (await reviewer.drawer().textContent()) ?? '';
    for (const step of ['登记整改事项', '开始整改', '更新进展', '上传佐证材料', '提交整改材料', '验收销号']) {
      expect(history).toContain(step);
    }
    expect(history).toContain('现场核实围挡已拆除，同意销号');
  }, 120_000);

  it('4b. a reviewer cancels (撤销) an item registered by mistake, saying why', async () => {
    const page = await sessions.signedIn(DEMO_USERS.departmentReviewer);
    const card = new ReviewRectificationCard(page);
    await card.open(server.url, seed.id);
    await card.createFromFirstProblem(MISTAKE);
    await card.item(MISTAKE).getByText('待整改').waitFor();

    const reviewer = new RectificationsPage(page, server.url);
    await reviewer.open();
    await reviewer.openItem(MISTAKE);
    await reviewer.act('撤销事项', '与已登记的扫尾事项重复，误登记');
    await expect.poll(() => reviewer.status()).toBe('已撤销');
    expect(await reviewer.drawer().textContent()).toContain('与已登记的扫尾事项重复，误登记');

    // The unit sees it cancelled, with nothing left to do on it.
    const unit = new RectificationsPage(await sessions.signedIn(DEMO_USERS.filler), server.url);
    await unit.open();
    await unit.openItem(MISTAKE);
    expect(await unit.status()).toBe('已撤销');
    expect(await unit.drawer().getByRole('button', { name: '开始整改' }).count()).toBe(0);
  }, 120_000);

  it('5–6. the unit appeals a return, caizheng2 amends the score, and the published result shows 经复议', async () => {
    const panel = new AppealPanel(await sessions.signedIn(DEMO_USERS.filler), server.url);
    const evaluationId = await panel.openEvaluation(APPEALED_PROJECT);
    await panel.appeal('完成排查户数以街道签认的附表为准，附表已随申诉提交。', [
      { name: '排查附表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 排查附表\n') },
    ]);
    expect(await panel.summary()).toContain('待复议');

    const appeals = new AppealsPage(await sessions.signedIn(DEMO_USERS.secondFinanceReviewer), server.url);
    await appeals.open();
    await appeals.amend(APPEALED_PROJECT, 84.5, RULING);
    await appeals.showAll();
    await expect.poll(async () => appeals.card(APPEALED_PROJECT).first().textContent()).toContain('调整为 84.50（良）');

    // The amendment overturned the return; the evaluation is approved, not yet published: the bureau publishes it.
    const bureau = await sessions.signedIn(DEMO_USERS.financeReviewer);
    await bureau.goto(`${server.url}/app/review/${evaluationId}`);
    const review = new ReviewPage(bureau);
    await review.waitUntilLoaded();
    expect(await review.history()).toContain('复议改变原退回决定');
    await review.decide('公开');

    const visitor = await sessions.newPage();
    const portal = new PortalPage(visitor, server.url);
    await portal.open();
    await portal.filterYear(2023);
    await portal.openReport(APPEALED_PROJECT);
    const note = visitor.getByTestId('reconsideration');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('经复议');
    expect(text).toContain('调整为 84.50 分（良）');
    expect(text).toContain(RULING);
  }, 150_000);

  it("7. next year's draft of the seed project shows the items still open, not the closed or cancelled ones", async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const evaluations = new EvaluationsPage(page, server.url);
    await evaluations.open();
    await evaluations.createDraft(seed.projectName, seed.fiscalYear + 1);
    const earlier = page.getByTestId('earlier-rectifications');
    await earlier.waitFor();
    const text = (await earlier.textContent()) ?? '';
    // The demo's two items: one started and in time, one past its deadline.
    expect(text).toContain('本项目以前年度有 2 项整改事项尚未销号');
    expect(text).toContain('RECTIFICATION_OPEN');
    expect(text).toContain('RECTIFICATION_OVERDUE');
    expect(text).not.toContain(ITEM);
    expect(text).not.toContain(MISTAKE);
  }, 120_000);

  it('8. the bureau records 结果应用 for the year and downloads the 结果应用表', async () => {
    const page = await sessions.newPage({ acceptDownloads: true });
    await new LoginPage(page, server.url).signIn(DEMO_USERS.financeReviewer);
    const application = new ResultApplicationPage(page, server.url);
    await application.open(seed.fiscalYear);
    const dialog = await application.startDecision(seed.projectName, '增加', 8);
    await application.save(dialog, '群众反馈问题已整改销号，绩效优，优先保障');
    await expect.poll(async () => application.row(seed.projectName).textContent()).toContain('+8%');

    const download = await application.download();
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('结果应用表');
    if (!sheet) throw new Error('sheet 结果应用表 missing');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const seedRow = rows.find((row) => row[2] === seed.projectName);
    expect(seedRow?.slice(1)).toEqual([
      seed.unitName,
      seed.projectName,
      97.3,
      '优',
      '保持或增加不超过 10%（优先保障）',
      '增加',
      0.08,
      '群众反馈问题已整改销号，绩效优，优先保障',
    ]);
    expect(sessions.errors).toEqual([]);
  }, 120_000);
});
