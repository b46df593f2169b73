import { type DeclarationForm, emptyDeclaration, emptyDeclaredIndicator, type MonitoringReport } from '@jixiao/core';
import type { Actor, ServiceContext } from '../context.ts';
import { createDeclaration } from '../declarations/create-declaration.ts';
import { transitionDeclaration } from '../declarations/transition-declaration.ts';
import { createMonitoringReport } from '../monitoring/create-monitoring-report.ts';
import { createMonitoringRound } from '../monitoring/create-monitoring-round.ts';
import { submitMonitoringReport } from '../monitoring/submit-monitoring-report.ts';
import { updateMonitoringReport } from '../monitoring/update-monitoring-report.ts';

/**
 * A 征收办 declaration (绩效目标申报) for `fiscalYear`; `withCost` adds the 成本指标 a department asks for. Shared by
 * the demo data and the browser tests, which file it through the API.
 */
export const demoDeclarationForm = (projectName: string, fiscalYear: number, withCost: boolean): DeclarationForm => ({
  ...emptyDeclaration(),
  fiscalYear,
  projectName,
  department: '开福区住房和城乡建设局',
  implementingUnit: '开福区城市房屋征收和补偿管理办公室',
  projectCategory: '延续项目',
  projectPeriod: '1年',
  funds: { unit: '万元', total: '500', currentAppropriation: '500', priorYearCarryover: '', other: '' },
  annualGoal: '完成棚户区 200 户房屋征收补偿，按期向土地储备中心交付净地 5 宗，被征收户满意度不低于 90%。',
  indicators: [
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quantity',
      level2Label: '数量指标',
      name: '完成房屋征收户数',
      comparator: '≥',
      target: '200',
      measureUnit: '户',
      weight: '30',
    }),
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quality',
      level2Label: '质量指标',
      name: '补偿资金兑付准确率',
      comparator: '≥',
      target: '100',
      measureUnit: '%',
      weight: withCost ? '10' : '20',
    }),
    ...(withCost
      ? [
          emptyDeclaredIndicator({
            level1: 'output',
            level1Label: '产出指标',
            level2: 'cost',
            level2Label: '成本指标',
            name: '户均征收补偿成本',
            comparator: '≤',
            target: '2.5',
            measureUnit: '万元/户',
            weight: '10',
          }),
        ]
      : []),
    emptyDeclaredIndicator({
      level1: 'outcome',
      level1Label: '效益指标',
      level2: 'social',
      level2Label: '社会效益指标',
      name: '按期交付土地宗数',
      comparator: '≥',
      target: '5',
      measureUnit: '宗',
      weight: '30',
    }),
    emptyDeclaredIndicator({
      level1: 'satisfaction',
      level1Label: '满意度指标',
      level2: 'serviceSatisfaction',
      level2Label: '服务对象满意度指标',
      name: '被征收户满意度',
      comparator: '≥',
      target: '90',
      measureUnit: '%',
      weight: '10',
    }),
  ],
});

/** The unit's figures at 31 July: 100 of 500 万元 spent, the household count judged 完全不可能 with its cause. */
export const demoMonitoringFigures = (report: MonitoringReport): MonitoringReport => ({
  ...report,
  funds: {
    ...report.funds,
    total: { ...report.funds.total, executed: '100', expectedAnnual: '480' },
    currentAppropriation: { ...report.funds.currentAppropriation, executed: '100', expectedAnnual: '480' },
  },
  goalProgress: '已完成 60 户签约和补偿兑付，交付净地 2 宗。',
  indicators: report.indicators.map((row, index) =>
    index === 0
      ? {
          ...row,
          progress: '60户',
          expectedAnnual: '120户',
          deviationCauses: ['funding'],
          deviationReason: '部分被征收户未签约，补偿资金拨付滞后',
          likelihood: 'impossible',
          measures: '加快签约进度，申请调整年度目标',
        }
      : { ...row, progress: '按计划推进', expectedAnnual: '达到目标', likelihood: 'certain' },
  ),
  measures: '每周调度签约进度，督促资金拨付。',
});

/**
 * The year before an evaluation, for the demo: a declaration the department returned for its missing cost
 * indicator, one approved by every level, the bureau's 31 July monitoring round and the unit's submitted report
 * on the approved one, behind the time share with one indicator 完全不可能 — so the 目标申报 and 运行监控 pages,
 * their documents and the dashboard's 滞后 count show something.
 */
export const loadDemoBudgetYear = async (
  ctx: ServiceContext,
  { organizationId, fiscalYear }: { organizationId: string; fiscalYear: number },
  people: { filler: Actor; approver: Actor; department: Actor; finance: Actor },
): Promise<void> => {
  const declare = async (projectName: string, withCost: boolean): Promise<string> => {
    const view = await createDeclaration(ctx, people.filler, {
      organizationId,
      form: demoDeclarationForm(projectName, fiscalYear, withCost),
    });
    await transitionDeclaration(ctx, people.filler, 'submit', { declarationId: view.id });
    return view.id;
  };
  const returnedId = await declare('征收工作经费（示例申报）', false);
  await transitionDeclaration(ctx, people.approver, 'approve', { declarationId: returnedId });
  await transitionDeclaration(ctx, people.department, 'return', {
    declarationId: returnedId,
    reason: '未设置成本指标，请补充户均征收补偿成本后重新报送',
  });
  const approvedId = await declare('棚户区改造征收补偿项目', true);
  for (const reviewer of [people.approver, people.department, people.finance]) {
    await transitionDeclaration(ctx, reviewer, 'approve', { declarationId: approvedId });
  }
  const round = await createMonitoringRound(ctx, people.finance, {
    fiscalYear,
    asOf: `${fiscalYear}-07-31`,
    dueDate: `${fiscalYear}-08-15`,
  });
  const draft = await createMonitoringReport(ctx, people.filler, { roundId: round.id, declarationId: approvedId });
  const saved = await updateMonitoringReport(ctx, people.filler, {
    reportId: draft.id,
    report: demoMonitoringFigures(draft.report),
    version: draft.version,
  });
  await submitMonitoringReport(ctx, people.filler, { reportId: saved.id, version: saved.version });
};
