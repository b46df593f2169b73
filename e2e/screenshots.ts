/**
 * Screenshots of each main screen, for the README: `npx tsx e2e/screenshots.ts` (writes docs/screenshots/*.png).
 * Runs the real server on a fresh demo database, like the e2e test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { makeReportFolder } from '../packages/services/testing/make-report-folder.ts';
import { zipFolder } from '../packages/services/testing/zip-folder.ts';
import { EditorPage } from './pages/editor.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { launchBrowser } from './support/browser.ts';
import { seedBudgetYear } from './support/budget-year-seed.ts';
import { DEMO_USERS, startE2eServer } from './support/server.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const shoot = async (page: Page, name: string, fullPage = false) => {
  // Let charts finish their entry animation and fonts settle.
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
  console.log(`docs/screenshots/${name}.png`);
};

const signedIn = async (browser: Browser, baseUrl: string, username: string) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await new LoginPage(page, baseUrl).signIn(username);
  return page;
};

mkdirSync(OUT, { recursive: true });
const server = await startE2eServer();
const browser = await launchBrowser();
try {
  const anonymous = await (
    await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  ).newPage();
  const portal = new PortalPage(anonymous, server.url);
  await portal.open();
  await shoot(anonymous, 'portal');
  await portal.openReport('征收工作经费');
  // The 自评表 with one 计分说明 open on its row, as a visitor reads it.
  await portal.openExplanation(1);
  await anonymous.locator('.portal-indicators').scrollIntoViewIfNeeded();
  await shoot(anonymous, 'portal-report');
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      locale: 'zh-CN',
    })
  ).newPage();
  const phonePortal = new PortalPage(phone, server.url);
  await phonePortal.open();
  await shoot(phone, 'portal-phone');
  await phonePortal.openReport('征收工作经费');
  await phonePortal.openExplanation(0);
  await phone.locator('.portal-indicators').scrollIntoViewIfNeeded();
  await shoot(phone, 'portal-phone-report');

  await anonymous.goto(`${server.url}/login`);
  await anonymous.getByLabel('用户名').waitFor();
  await shoot(anonymous, 'login');

  const filler = await signedIn(browser, server.url, DEMO_USERS.filler);
  await shoot(filler, 'home-filler');
  await filler.getByRole('link', { name: '公共文化服务经费（5）', exact: true }).click();
  const editor = new EditorPage(filler);
  await editor.waitUntilLoaded();
  await editor.cell(3, '年度指标值').fill('≥８０%');
  await filler.evaluate('window.scrollTo(0, 0)');
  await shoot(filler, 'editor');
  await filler.locator('#section-indicators').scrollIntoViewIfNeeded();
  await filler.locator('.points-button').nth(2).hover();
  await shoot(filler, 'editor-explanation');

  // Resubmit the returned evaluation, so the unit approver's review shows what changed since the return.
  await editor.cell(3, '自评得分').fill('9.50');
  await editor.cell(3, '偏差原因分析及改进措施').fill('部分小区验收延至次年，已督促施工单位整改。');
  await editor.save();
  await filler.getByText('已保存', { exact: true }).waitFor();
  await filler.getByRole('button', { name: /^送\s*审$/u }).click();
  await filler
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /^送\s*审$/u })
    .click();
  await filler.waitForURL(/\/app$/u);

  const approver = await signedIn(browser, server.url, DEMO_USERS.unitApprover);
  await approver.goto(`${server.url}/app/review`);
  await approver.getByRole('link', { name: '公共文化服务经费（5）', exact: true }).click();
  await approver.locator('.diff-after').first().waitFor();
  await shoot(approver, 'review');

  const finance = await signedIn(browser, server.url, DEMO_USERS.financeReviewer);
  await finance.goto(`${server.url}/app/review`);
  await finance.locator('.ant-table-row').first().waitFor();
  await shoot(finance, 'review-queue');
  await finance.goto(`${server.url}/app/dashboard`);
  await finance.locator('canvas').first().waitFor();
  await shoot(finance, 'dashboard', true);
  await finance.goto(`${server.url}/app/result-application?year=2022`);
  await finance.locator('.ant-table-row').first().waitFor();
  await shoot(finance, 'result-application', true);
  // 整改跟踪 with the demo's overdue item first, and one item open in its drawer.
  await finance.goto(`${server.url}/app/rectifications`);
  await finance.locator('.ant-table-row').first().waitFor();
  await finance.locator('.ant-table-row').first().getByRole('button').first().click();
  await finance.getByTestId('rectification-detail').waitFor();
  await shoot(finance, 'rectifications');
  // 公众反馈: the demo's waiting message first, then the published one with the reply the unit drafted.
  await finance.goto(`${server.url}/app/feedback`);
  await finance.getByTestId('feedback-card').first().waitFor();
  await shoot(finance, 'feedback', true);

  // 绩效目标申报 and 运行监控: a declaration returned for its missing cost indicator, a monitoring report behind.
  const people = new Map<string, Promise<Page>>();
  const person = (username: string): Promise<Page> => {
    const known = people.get(username) ?? signedIn(browser, server.url, username);
    people.set(username, known);
    return known;
  };
  const year = 2026;
  const budgetYear = await seedBudgetYear(person, server.url, year);
  const unit = await person(DEMO_USERS.filler);
  await unit.goto(`${server.url}/app/declarations/${budgetYear.returnedId}`);
  await unit.getByText('目标质量审核').waitFor();
  await shoot(unit, 'declaration-editor', true);
  await unit.goto(`${server.url}/app/monitoring/${budgetYear.monitoringId}`);
  await unit.getByText('绩效指标完成情况').waitFor();
  await shoot(unit, 'monitoring-form', true);

  const second = await signedIn(browser, server.url, DEMO_USERS.secondFinanceReviewer);
  await second.goto(`${server.url}/app/appeals`);
  await second.getByText('全部', { exact: true }).click();
  await second.getByTestId('appeal-card').first().waitFor();
  await shoot(second, 'appeals', true);

  const admin = await signedIn(browser, server.url, DEMO_USERS.admin);
  await admin.goto(`${server.url}/app/accounts`);
  await admin.locator('.ant-table-row').first().waitFor();
  await shoot(admin, 'accounts');
  await admin.goto(`${server.url}/app/organizations`);
  await admin.locator('.ant-table-row').first().waitFor();
  await shoot(admin, 'organizations');

  const work = mkdtempSync(join(tmpdir(), 'jixiao-shots-'));
  try {
    await makeReportFolder(join(work, 'reports'), 12);
    const zip = join(work, '2023年自评报告.zip');
    writeFileSync(zip, zipFolder(join(work, 'reports')));
    const department = await signedIn(browser, server.url, DEMO_USERS.departmentReviewer);
    await department.goto(`${server.url}/app/bulk-audits`);
    await department.locator('input[type=file]').setInputFiles(zip);
    await department.getByText(/逐份结果（/u).waitFor({ timeout: 60_000 });
    await shoot(department, 'bulk-audit');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await server.close();
}
