import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeclarationPages, type DeclaredRow, MonitoringPages } from './pages/budget-year.page.ts';
import { EditorPage } from './pages/editor.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '棚户区改造征收补偿项目（E2E）';
const UNIT = '开福区城市房屋征收和补偿管理办公室';
/** The China calendar year of the run: the bureau's monitoring date is 31 July of it. */
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

const ROWS: DeclaredRow[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '完成房屋征收户数',
    comparator: '≥',
    target: '200',
    measureUnit: '户',
    weight: '30',
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    name: '补偿资金兑付准确率',
    comparator: '≥',
    target: '100',
    measureUnit: '%',
    weight: '20',
  },
  {
    level1: '效益指标',
    level2: '社会效益指标',
    name: '按期交付土地宗数',
    comparator: '≥',
    target: '5',
    measureUnit: '宗',
    weight: '30',
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '被征收户满意度',
    comparator: '≥',
    target: '90',
    measureUnit: '%',
    weight: '10',
  },
];

/**
 * The year before the evaluation (issue 18): the unit declares targets without a cost indicator, the department
 * returns them, the unit adds one and the bureau approves; at 31 July the unit reports one indicator 完全不可能 and
 * spending behind the time share, which the department sees as 滞后; at year end the self-evaluation starts from
 * the approved targets, the unit lowers one, and the reviewer's 对照 panel flags it.
 */
describe('绩效目标申报 → 运行监控 → 自评, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  let declarationId = '';

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  const declarations = async (username: string) => new DeclarationPages(await sessions.signedIn(username), server.url);

  it('the department returns targets without a cost indicator; fixed, they are approved up to the bureau', async () => {
    const unit = await declarations(DEMO_USERS.filler);
    declarationId = await unit.create(PROJECT, YEAR);
    await unit.fillFacts({ total: '500', appropriation: '500', goal: '完成棚户区 200 户房屋征收补偿，按期交付土地。' });
    for (const row of ROWS) await unit.addRow(row);
    await unit.save();
    expect(await unit.findings()).toContain('缺少成本指标');
    await unit.act('送审');

    const approver = await declarations(DEMO_USERS.unitApprover);
    await approver.openFromList(PROJECT);
    await approver.act('审核通过');

    const department = await declarations(DEMO_USERS.departmentReviewer);
    await department.openFromList(PROJECT);
    // Reviewers read; only the unit edits.
    expect(await department.cell(1, '年度指标值').count()).toBe(0);
    await department.actWithReason('退回', '未设置成本指标，请补充户均征收补偿成本等成本指标后重新报送');
    await expect.poll(() => department.status()).toBe('已退回');

    await unit.openFromList(PROJECT);
    expect(await unit.history()).toContain('成本指标');
    await unit.cell(2, '分值').fill('10');
    await unit.addRow({
      level1: '产出指标',
      level2: '成本指标',
      name: '户均征收补偿成本',
      comparator: '≤',
      target: '2.5',
      measureUnit: '万元/户',
      weight: '10',
    });
    await unit.save();
    expect(await unit.findings()).not.toContain('缺少成本指标');
    await unit.act('送审');

    for (const username of [DEMO_USERS.unitApprover, DEMO_USERS.departmentReviewer, DEMO_USERS.financeReviewer]) {
      const reviewer = await declarations(username);
      await reviewer.openFromList(PROJECT);
      await reviewer.act('审核通过');
    }
    const bureau = await declarations(DEMO_USERS.financeReviewer);
    expect(await bureau.status()).toBe('已通过');
    const history = await bureau.history();
    for (const name of ['征收办填报员', '征收办审核员']) expect(history).toContain(name);
    expect(sessions.errors).toEqual([]);
  }, 300_000);

  it('at 31 July the unit reports one indicator 完全不可能 and spending behind; the department sees it 滞后', async () => {
    const bureau = new MonitoringPages(await sessions.signedIn(DEMO_USERS.financeReviewer), server.url);
    await bureau.createRound(YEAR, `${YEAR}-07-31`, `${YEAR}-08-15`);

    const unitPage = await sessions.signedIn(DEMO_USERS.filler);
    const unit = new MonitoringPages(unitPage, server.url);
    await unit.startReport(YEAR, PROJECT);
    await unit.fillFunds('年度资金总额', '100', '480');
    await unit.fillFunds('其中：财政拨款', '100', '480');
    await unit.fillIndicator('完成房屋征收户数', {
      progress: '60户',
      expectedAnnual: '120户',
      likelihood: '完全不可能',
      causes: ['经费保障'],
      reason: '部分被征收户未签约，补偿资金拨付滞后',
      measures: '加快签约，申请调整年度目标',
    });
    for (const name of ['补偿资金兑付准确率', '户均征收补偿成本', '按期交付土地宗数', '被征收户满意度']) {
      await unit.fillIndicator(name, { progress: '按计划推进', expectedAnnual: '达到目标', likelihood: '确定能' });
    }
    await unit.submit();
    await unitPage.getByText('执行滞后').first().waitFor();
    expect(await unit.findings()).toContain('预算执行进度滞后');

    const departmentPage = await sessions.signedIn(DEMO_USERS.departmentReviewer);
    await departmentPage.goto(`${server.url}/app/dashboard`);
    const card = departmentPage.getByTestId('monitoring-overview');
    await card.getByText(UNIT).waitFor();
    await card.getByRole('link', { name: '查看执行滞后的项目' }).click();
    await departmentPage.waitForURL(/\/app\/monitoring\?.*behind=true/u);
    const department = new MonitoringPages(departmentPage, server.url);
    const row = department.reportRow(UNIT);
    await row.getByText('滞后', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('1 项');
    expect(sessions.errors).toEqual([]);
  }, 300_000);

  it('the self-evaluation starts from the approved targets; a lowered target is flagged beside them', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    await page.goto(`${server.url}/app/evaluations`);
    const offer = page.getByTestId('from-declaration').locator('.ant-list-item').filter({ hasText: PROJECT });
    await offer.getByRole('button', { name: '从绩效目标生成自评' }).click();
    await page.waitForURL(/\/app\/evaluations\/[0-9a-f-]{36}$/u);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    const evaluationId = page.url().split('/').pop() ?? '';
    const target = page.getByLabel(/年度指标值$/u).first();
    expect(await target.inputValue()).toContain('200');
    await target.fill('≥150户');
    await editor.save();
    await editor.waitUntilSaved();
    await editor.submit();
    await page.waitForURL(/\/app$/u);

    const reviewer = await sessions.signedIn(DEMO_USERS.unitApprover);
    await reviewer.goto(`${server.url}/app/review/${evaluationId}`);
    const panel = reviewer.getByTestId('budget-year-comparison');
    await panel.getByText('年度指标值与批复的绩效目标不一致').waitFor();
    const changed = panel.locator('.ant-table-row').filter({ hasText: '完成房屋征收户数' });
    expect(await changed.textContent()).toContain('指标值变动');
    expect(await changed.locator('.budget-year-changed').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('完全不可能');
    expect(declarationId).not.toBe('');
    expect(sessions.errors).toEqual([]);
  }, 300_000);
});
