import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { ResultApplicationPage } from './pages/result-application.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '征收工作经费';
const REASON = '预算执行率偏低，下年度压减部分预算';

/**
 * 结果应用: the bureau sets the seed year's policy, records a decision for the seed project that departs from
 * the suggestion (so a reason is asked for), and downloads the 结果应用表, whose cells are read back.
 */
describe('结果应用 in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  const downloads = mkdtempSync(join(tmpdir(), 'jixiao-e2e-result-application-'));

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('the bureau sets the policy, records a decision with its reason and downloads the 结果应用表', async () => {
    const page = await sessions.newPage({ acceptDownloads: true });
    await new LoginPage(page, server.url).signIn(DEMO_USERS.financeReviewer);
    await page.getByRole('menuitem', { name: '结果应用' }).click();
    const application = new ResultApplicationPage(page, server.url);
    await application.waitUntilLoaded();
    await application.open(2022);

    await application.setPolicy({ 中等级压减上限: 15 }, 20);
    await application.policyCard().getByText('压减 5%～15%').waitFor();

    // The demo followed the suggestion for the seed (优: 保持); a cut departs from it and needs a reason.
    await expect.poll(async () => application.row(PROJECT).textContent()).toContain('保持');
    const dialog = await application.startDecision(PROJECT, '压减', 10);
    await dialog.getByText('决定与政策建议不一致，须填写理由').waitFor();
    // The dialog starts from the recorded decision's reason; without one the departure cannot be saved.
    await dialog.getByLabel('理由').fill('');
    expect(await dialog.getByRole('button', { name: '保存决定' }).isDisabled()).toBe(true);
    await application.save(dialog, REASON);
    await expect.poll(async () => application.row(PROJECT).textContent()).toContain('−10%');
    expect(await application.row(PROJECT).textContent()).toContain(REASON);

    const download = await application.download();
    expect(download.suggestedFilename()).toBe('2022年度项目支出绩效评价结果应用表.xlsx');
    const file = join(downloads, 'table.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('结果应用表');
    if (!sheet) throw new Error('sheet 结果应用表 missing');
    expect(sheet.getCell('A1').value).toBe('2022 年度项目支出绩效评价结果应用表');
    expect(String(sheet.getCell('A2').value)).toContain('中：压减 5%～15%');
    expect(String(sheet.getCell('A3').value)).toContain('申诉期限：20 天');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      '序号',
      '单位',
      '项目名称',
      '自评得分',
      '等级',
      '建议应用方式',
      '决定应用方式',
      '调整比例',
      '理由',
    ]);
    expect(sheet.rowCount).toBe(5);
    const row = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(row[0]).toBe(1);
    expect(row[2]).toBe(PROJECT);
    expect(row[3]).toBe(97.3);
    expect(row.slice(4)).toEqual(['优', '保持或增加不超过 10%（优先保障）', '压减', -0.1, REASON]);
  });

  it('the dashboard shows how the newest year was applied and leads to the 结果应用 page', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    await page.goto(`${server.url}/app/dashboard`);
    const card = page.getByRole('link', { name: '查看结果应用' });
    await card.waitFor();
    expect(await card.textContent()).toContain('待决定');
    await card.click();
    await page.waitForURL(/\/app\/result-application\?year=\d{4}$/u);
    await new ResultApplicationPage(page, server.url).waitUntilLoaded();
  });
});
