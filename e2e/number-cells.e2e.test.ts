import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorPage } from './pages/editor.page.ts';
import { EditorNumbers } from './pages/editor-numbers.page.ts';
import { EvaluationsPage } from './pages/evaluations.page.ts';
import { DEMO_USERS, type E2eServer, SEED_REPORT, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

/**
 * Issue 16 (unit filler): a number the engine cannot read is said so under its cell, the figures it feeds show
 * "—" instead of a last good value, and 送审 is refused — in the browser and by the server — until it is fixed.
 */
describe('wrong numbers in the editor, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);

  beforeAll(async () => {
    server = await startE2eServer('accounts');
    await sessions.start();
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('marks "abc" in 全年执行数, blocks 送审 naming the cell, and submits once it is fixed', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const evaluations = new EvaluationsPage(page, server.url);
    await evaluations.open();
    await evaluations.importFile(SEED_REPORT);
    const editor = new EditorPage(page);
    const numbers = new EditorNumbers(page);
    await editor.waitUntilLoaded();
    expect(await editor.liveTotal()).toContain('97.30');
    expect(await numbers.executionLine()).toContain('得 7.30 / 10 分');

    const executed = numbers.fundCell('年度资金总额', '全年执行数');
    // A unit written in the cell is read as the engine reads it, and said so.
    await executed.fill('27.75万');
    await expect.poll(() => numbers.messageOf(executed)).toBe('识别为 27.75 万元');
    await expect.poll(() => numbers.executionLine()).toContain('得 7.30 / 10 分');

    await executed.fill('abc');
    await expect.poll(() => numbers.messageOf(executed)).toBe('请填写数字，如 27.75（单位：万元）');
    expect(await executed.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => numbers.liveTotal()).toBe('—');
    expect(await numbers.liveGrade()).toBe('等级 —');
    expect(await numbers.executionLine()).toContain('执行率 —，得 — 分（年度资金总额·全年执行数填写有误）');
    expect(await numbers.problemsBanner().textContent()).toContain(
      '项目资金·年度资金总额·全年执行数：请填写数字，如 27.75（单位：万元）',
    );

    const weight = numbers.indicatorCell(1, '分值');
    const writtenWeight = await weight.inputValue();
    await weight.fill('-5');
    await expect.poll(() => numbers.messageOf(weight)).toBe('分值不能为负数');
    await weight.fill(writtenWeight);
    await expect.poll(() => weight.getAttribute('aria-invalid')).toBeNull();

    // 送审 is refused in the browser, naming the cell …
    const refusal = await numbers.clickSubmit();
    expect(await refusal.textContent()).toContain('不能送审：有 1 处数字填写有误');
    expect(await refusal.textContent()).toContain(
      '项目资金·年度资金总额·全年执行数“abc”：请填写数字，如 27.75（单位：万元）',
    );
    await refusal.getByRole('button', { name: '去改正' }).click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")'))
      .toBe('年度资金总额全年执行数');

    // … the draft still saves as typed, and the server refuses a submit sent around the page.
    await editor.save();
    await editor.waitUntilSaved();
    const id = page.url().split('/').pop() ?? '';
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'jixiao_csrf')?.value ?? '';
    const stored = await (await page.request.get(`${server.url}/api/evaluations/${id}`)).json();
    expect(stored.form.funds.total.executed).toBe('abc');
    const bypass = await page.request.post(`${server.url}/api/evaluations/${id}/submit`, {
      headers: { 'x-csrf-token': csrf },
      data: { expectedVersion: stored.version },
    });
    expect(bypass.status()).toBe(422);
    expect((await bypass.json()).error).toMatchObject({
      code: 'INVALID_NUMBERS',
      message: expect.stringContaining('项目资金·年度资金总额·全年执行数“abc”'),
    });

    await executed.fill('27.75');
    await expect.poll(() => numbers.messageOf(executed)).toBeNull();
    await expect.poll(() => numbers.problemsBanner().count()).toBe(0);
    await expect.poll(() => editor.liveTotal()).toContain('97.30');
    expect(await numbers.liveGrade()).toBe('优');
    await page.getByLabel('自评总分').fill('97.30');
    await editor.submit();
    await page.waitForURL(/\/app$/u);
    expect(sessions.errors).toEqual([]);
  });
});
