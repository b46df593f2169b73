import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './pages/evaluations.page.ts';
import { RectificationsPage, ReviewRectificationCard } from './pages/rectification.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const DESCRIPTION = '征收推进难度大，项目扫尾及结算滞后（E2E）';

/**
 * 整改: the 主管部门 reviewer turns a problem of the published seed report into an item with the measure the report
 * promised; the unit starts it, attaches evidence and submits it; the reviewer returns it once, then closes it.
 * Next year's draft of the same project shows the items still open and the findings they raise.
 */
describe('整改 tracked to closure, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  let seed: { id: string; projectName: string; fiscalYear: number };

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
    seed = await server.running.database.db
      .selectFrom('evaluations')
      .select(['id', 'project_name as projectName', 'fiscal_year as fiscalYear'])
      .where('status', '=', 'published')
      .orderBy('fiscal_year')
      .executeTakeFirstOrThrow();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('the reviewer registers a problem of 存在的问题 with its proposed measure', async () => {
    const page = await sessions.signedIn(DEMO_USERS.departmentReviewer);
    const card = new ReviewRectificationCard(page);
    await card.open(server.url, seed.id);
    const measure = await card.createFromFirstProblem(DESCRIPTION);
    expect(measure).toContain('扫尾');
    await card.item(DESCRIPTION).getByText('待整改').waitFor();
  }, 120_000);

  it('the unit starts it, attaches evidence and submits; the reviewer returns it once, then closes it', async () => {
    const unit = new RectificationsPage(await sessions.signedIn(DEMO_USERS.filler), server.url);
    await unit.open();
    // The demo's item past its deadline comes first, marked overdue.
    await unit
      .rows()
      .first()
      .getByText(/已逾期/u)
      .waitFor();
    await unit.openItem(DESCRIPTION);
    await unit.act('开始整改', '已逐户制定处置方案');
    await unit.attach('扫尾情况说明.txt', '已完成 3 户强制执行，结算资料已报送区财政局。');
    await unit.act('提交验收');
    await expect.poll(() => unit.status()).toBe('待验收');

    const reviewer = new RectificationsPage(await sessions.signedIn(DEMO_USERS.departmentReviewer), server.url);
    await reviewer.open();
    await reviewer.openItem(DESCRIPTION);
    await reviewer.act('退回继续整改', '请补充结算审计报告');
    await expect.poll(() => reviewer.status()).toBe('整改中');

    await unit.open();
    await unit.openItem(DESCRIPTION);
    expect(await unit.drawer().textContent()).toContain('请补充结算审计报告');
    await unit.attach('结算审计报告.txt', '结算审计报告：审定金额与报送一致。');
    await unit.act('提交验收', '已补充结算审计报告');

    await reviewer.open();
    await reviewer.openItem(DESCRIPTION);
    await reviewer.act('验收销号', '材料齐全，整改到位，同意销号');
    await expect.poll(() => reviewer.status()).toBe('已销号');
    const history = (await reviewer.drawer().textContent()) ?? '';
    for (const step of ['登记整改事项', '开始整改', '上传佐证材料', '提交整改材料', '退回继续整改', '验收销号']) {
      expect(history).toContain(step);
    }
    expect(sessions.errors).toEqual([]);
  }, 180_000);

  it("next year's draft of the same project shows the items still open and RECTIFICATION_OPEN", async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const evaluations = new EvaluationsPage(page, server.url);
    await evaluations.open();
    await evaluations.createDraft(seed.projectName, seed.fiscalYear + 1);
    const earlier = page.getByTestId('earlier-rectifications');
    await earlier.waitFor();
    const text = (await earlier.textContent()) ?? '';
    expect(text).toContain('生地出让土地使用权收回难');
    expect(text).toContain('RECTIFICATION_OPEN');
    expect(text).toContain('RECTIFICATION_OVERDUE');
    // The item closed above is not carried over.
    expect(text).not.toContain(DESCRIPTION);
  }, 120_000);
});
