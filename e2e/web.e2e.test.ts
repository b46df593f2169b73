import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DashboardSummary } from '@jixiao/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUDGET_KB, type BundleSizes, measureBundle } from '../bench/web-bundle.ts';
import { EditorPage } from './pages/editor.page.ts';
import { HomePage } from './pages/home.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { ReviewQueuePage } from './pages/review.page.ts';
import { openedDialog } from './support/dialogs.ts';
import { chooseOption } from './support/select.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const RETURNED_PROJECT = '公共文化服务经费（5）';

describe('the web app in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);

  beforeAll(async () => {
    server = await startE2eServer();
    await sessions.start();
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('refuses a wrong password with the server’s Chinese message', async () => {
    const page = await sessions.newPage();
    const message = await new LoginPage(page, server.url).signInExpectingError(DEMO_USERS.filler, 'wrong-password');
    expect(message).toMatch(/用户名或密码/u);
  });

  it('lets a filler open a returned evaluation, see values read and scored live, save, and survive a conflict', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    const home = new HomePage(page);
    expect(await home.navigationItems()).toEqual([
      '待办',
      '绩效目标申报',
      '运行监控',
      '自评填报',
      '整改跟踪',
      '公众反馈',
      '申诉复议',
    ]);
    expect(await home.waitingProjects()).toContain(RETURNED_PROJECT);
    await home.open(RETURNED_PROJECT);

    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await page.getByText('退回原因：').waitFor();
    expect(await editor.liveTotal()).toContain('91.01');
    await expect.poll(() => editor.groupSum('output').textContent()).toContain('分值合计 50 / 50');

    // Row 3 (验收合格率: ≥80% wanted, 76% done) claims the full 10 points; the rule gives 9.50.
    const rowThreeFinding = page
      .locator('.finding-button', { hasText: '验收合格率' })
      .filter({ hasText: '得分与评分规则不符' });
    expect(await rowThreeFinding.count()).toBe(1);
    await rowThreeFinding.click();
    await expect.poll(() => page.locator('#indicator-row-2').getAttribute('class')).toContain('highlighted');

    await editor.cell(3, '年度指标值').fill('9５%%');
    await expect.poll(() => editor.reading(3, '年度指标值').textContent()).toContain('百分号重复');
    await editor.cell(3, '年度指标值').fill('≥８０%');
    await expect.poll(() => editor.reading(3, '年度指标值').textContent()).toBe('识别为：≥ 80 %（正向）');

    await editor.cell(3, '自评得分').fill('9.50');
    await editor.cell(3, '偏差原因分析及改进措施').fill('部分小区验收延至次年，已督促施工单位整改。');
    await expect.poll(() => rowThreeFinding.count()).toBe(0);
    await expect.poll(() => editor.saveState().textContent()).toBe('有未保存的修改');
    await editor.save();
    await editor.waitUntilSaved();

    // Someone else saves in between (same account, another tab): the next save is refused, nothing is lost.
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'jixiao_csrf')?.value ?? '';
    const id = page.url().split('/').pop() ?? '';
    const current = await (await page.request.get(`${server.url}/api/evaluations/${id}`)).json();
    const other = await page.request.put(`${server.url}/api/evaluations/${id}`, {
      headers: { 'x-csrf-token': csrf },
      data: { expectedVersion: current.version, form: { ...current.form, projectCode: 'OTHER-TAB' } },
    });
    expect(other.status()).toBe(200);
    await editor.cell(1, '偏差原因分析及改进措施').fill('我在冲突前输入的内容');
    await editor.save();
    await editor.conflictAlert().waitFor();
    expect(await editor.cell(1, '偏差原因分析及改进措施').inputValue()).toBe('我在冲突前输入的内容');
    await page.getByRole('button', { name: '用我的内容覆盖' }).click();
    await editor.waitUntilSaved();
    const saved = await (await page.request.get(`${server.url}/api/evaluations/${id}`)).json();
    expect(saved.form.indicators[0].deviationNote).toBe('我在冲突前输入的内容');
    expect(saved.form.indicators[2].statedScore).toBe('9.50');
  });

  it('shows an anonymous visitor the published seed report with its 自评表 and narrative', async () => {
    const page = await sessions.newPage();
    const portal = new PortalPage(page, server.url);
    await portal.open();
    await portal.filterYear(2022);
    expect(await portal.listedProjects()).toEqual(['征收工作经费']);
    await portal.openReport('征收工作经费');
    expect(await portal.heading().textContent()).toBe('2022 年度征收工作经费 绩效自评');
    expect(await portal.indicatorRows().count()).toBeGreaterThan(5);
    await page.getByText('97.30').first().waitFor();
    await page.getByRole('heading', { name: '一、单位基本情况' }).waitFor();
    const pdf = page.getByRole('link', { name: /自评报告（PDF）/u });
    expect(await pdf.getAttribute('href')).toMatch(/\/api\/public\/evaluations\/[\w-]+\/documents\/report\.pdf$/u);
    const csv = await page.request.get(`${server.url}/api/public/indicators.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('征收工作经费');
    // The fields are described in Chinese on the portal's 开放数据说明 page.
    await page.getByRole('link', { name: '开放数据', exact: true }).click();
    await page.getByRole('heading', { name: '开放数据说明' }).waitFor();
    await page.getByRole('cell', { name: '复核得分', exact: true }).waitFor();
    expect(await page.getByRole('row').count()).toBe(20);
  });

  it('lets the finance bureau rank by risk, publish an approved evaluation and return another with a reason', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    const queue = new ReviewQueuePage(page, server.url);
    await queue.open();
    // 老旧小区改造项目（4）: an error, ten warnings, 62% spent — riskier than the approved 城乡低保资金（6）.
    expect(await queue.rankedProjects()).toEqual(['老旧小区改造项目（4）', '城乡低保资金（6）']);

    const approved = await queue.openReview('城乡低保资金（6）');
    await approved.decide('公开');
    await expect.poll(() => approved.status()).toBe('已公开');

    await queue.open();
    const risky = await queue.openReview('老旧小区改造项目（4）');
    await risky.decide('退回', '执行率仅62%，请说明原因并核实超额完成的指标。');
    await page.waitForURL(/\/app\/review$/u);

    const visitor = new PortalPage(await sessions.newPage(), server.url);
    await visitor.open();
    expect(await visitor.listedProjects()).toContain('城乡低保资金（6）');

    const fillerPage = await sessions.signedIn(DEMO_USERS.filler);
    const filler = new HomePage(fillerPage);
    await filler.visit(server.url);
    expect(await filler.waitingProjects()).toContain('老旧小区改造项目（4）');
    await filler.open('老旧小区改造项目（4）');
    await fillerPage.getByText('退回原因：执行率仅62%，请说明原因并核实超额完成的指标。').waitFor();
  });

  it('shows the finance bureau the dashboard the server aggregates, and narrows it to a year', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    await page.goto(`${server.url}/app/dashboard`);
    const summaryOf = async (query: string): Promise<DashboardSummary> =>
      (await page.request.get(`${server.url}/api/analysis/dashboard${query}`)).json();
    const statistic = (title: string) =>
      page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');

    const all = await summaryOf('');
    await expect.poll(() => statistic('自评份数').textContent()).toBe(String(all.evaluations));
    expect(await statistic('审核发现').textContent()).toBe(all.findings.total.toLocaleString('en-US'));
    for (const chart of [
      '评价等级分布饼图',
      '执行率与得分散点图',
      '各状态自评份数柱状图',
      '按类型统计的审核发现柱状图',
      '按主管部门统计的审核发现柱状图',
      '各年度平均得分柱状图',
    ]) {
      await page.getByRole('img', { name: chart }).locator('canvas').waitFor();
    }

    const year = await summaryOf('?year=2022');
    expect(year.evaluations).toBeLessThan(all.evaluations);
    await chooseOption(page, page.locator('#main'), '年度', '2022 年度');
    await expect.poll(() => statistic('自评份数').textContent()).toBe(String(year.evaluations));
  });

  it('lets the administrator add a unit, an account in it with a temporary password shown once, and stop it', async () => {
    const page = await sessions.signedIn(DEMO_USERS.admin);
    await page.getByRole('link', { name: '单位管理' }).first().click();
    await page.getByRole('button', { name: '新增单位' }).click();
    const unitDialog = await openedDialog(page, '新增单位');
    await unitDialog.getByLabel('单位名称').fill('开福区房屋安全鉴定中心');
    await chooseOption(page, unitDialog, '类型', '预算单位');
    await chooseOption(page, unitDialog, '上级单位', '开福区住房和城乡建设局（主管部门）');
    await unitDialog.getByRole('button', { name: /创\s*建/u }).click();
    await page.getByRole('cell', { name: '开福区房屋安全鉴定中心', exact: true }).waitFor();

    await page.getByRole('link', { name: '账户管理' }).first().click();
    await page.getByRole('cell', { name: DEMO_USERS.filler, exact: true }).waitFor();

    await page.getByRole('button', { name: '新增账户' }).click();
    const dialog = await openedDialog(page, '新增账户');
    await dialog.getByLabel('用户名').fill('e2e.new-filler');
    await dialog.getByLabel('姓名').fill('新来的填报人');
    await chooseOption(page, dialog, '所在单位', '开福区房屋安全鉴定中心（预算单位）');
    await chooseOption(page, dialog, '角色', '单位填报');
    await dialog.getByRole('button', { name: /创\s*建/u }).click();
    const shown = await openedDialog(page, '临时密码');
    const temporaryPassword = (await shown.locator('code').textContent()) ?? '';
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/u);
    await shown.getByRole('button', { name: '我已告知本人' }).click();
    await shown.waitFor({ state: 'hidden' });

    // The new person signs in with it and is held at the password change.
    const newcomer = await sessions.newPage();
    await newcomer.goto(`${server.url}/login`);
    await newcomer.getByLabel('用户名').fill('e2e.new-filler');
    await newcomer.getByLabel('密码').fill(temporaryPassword);
    await newcomer.getByRole('button', { name: /登\s*录/u }).click();
    await newcomer.getByText('请先修改密码').waitFor();

    const row = page.getByRole('row').filter({ hasText: 'e2e.new-filler' });
    await row.getByText('待修改临时密码').waitFor();
    await row.getByRole('button', { name: '停用' }).click();
    await (await openedDialog(page)).getByRole('button', { name: /确\s*定/u }).click();
    await row.getByText('已停用').waitFor();
  });

  it('opens a dialog without animation for a person whose system asks for less motion, and with it otherwise', async () => {
    /** Whether any element ran one of antd's animations (zoom, fade, click wave) as the 新增单位 dialog opened and closed. */
    const animatesDialog = async (reducedMotion: 'reduce' | 'no-preference'): Promise<boolean> => {
      const page = await sessions.newPage({ reducedMotion });
      await new LoginPage(page, server.url).signIn(DEMO_USERS.admin);
      await page.getByRole('link', { name: '单位管理' }).first().click();
      await page.getByRole('button', { name: '新增单位' }).waitFor();
      // A string, as the other page scripts here: this project's type checking has no DOM library.
      await page.evaluate(`
        window.motionSeen = false;
        new MutationObserver((mutations) => {
          if (mutations.some((m) => /-(appear|enter|leave)-(start|active)\\b/u.test(m.target.className ?? ''))) {
            window.motionSeen = true;
          }
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
      `);
      await page.getByRole('button', { name: '新增单位' }).click();
      const dialog = await openedDialog(page, '新增单位');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      return page.evaluate<boolean>('window.motionSeen');
    };
    expect(await animatesDialog('reduce')).toBe(false);
    expect(await animatesDialog('no-preference')).toBe(true);
  });

  it('raised no uncaught error in any page', () => {
    expect(sessions.errors).toEqual([]);
  });
});

// The build is global-setup.ts's. A size budget, not a timing: the portal must stay light for visitors on slow connections and phones.
describe('the public portal’s first load', () => {
  let sizes: BundleSizes;
  beforeAll(() => {
    sizes = measureBundle(fileURLToPath(new URL('../packages/web/dist', import.meta.url)));
  });

  it(`stays under ${BUDGET_KB} KB of gzipped JavaScript, for the list and for a report opened from a link`, () => {
    expect(sizes.portalFirstLoadJsGzipKb).toBeLessThan(BUDGET_KB);
    expect(sizes.reportPageFirstLoadJsGzipKb).toBeLessThan(BUDGET_KB);
  });

  it('leaves the engine, the editor and the charts to later chunks', () => {
    expect(sizes.portalFirstLoadJsGzipKb).toBeLessThan(sizes.allJsGzipKb / 2);
  });

  // The tests build under vitest (NODE_ENV=test); what they drive and measure must be what users get.
  it('is a production build: no JSX development runtime and no antd development class names', () => {
    const assets = fileURLToPath(new URL('../packages/web/dist/assets', import.meta.url));
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((name) => name.includes('jsx-dev-runtime'))).toEqual([]);
    const devOnly = scripts.filter((name) =>
      readFileSync(join(assets, name), 'utf8').includes('css-dev-only-do-not-override'),
    );
    expect(devOnly).toEqual([]);
  });
});
