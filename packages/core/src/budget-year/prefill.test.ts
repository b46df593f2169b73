import { describe, expect, it } from 'vitest';
import { evaluationFormSchema } from '../model/schema.ts';
import { requireRuleSet } from '../rules/rule-sets.ts';
import { declarationFormSchema, monitoringReportSchema } from './budget-year-schema.ts';
import { type DeclarationForm, emptyDeclaration, emptyDeclaredIndicator } from './declaration-form.ts';
import { evaluationFromDeclaration, monitoringFromDeclaration } from './prefill.ts';

const declaration = (): DeclarationForm => ({
  ...emptyDeclaration(),
  fiscalYear: 2026,
  projectName: '农村道路养护',
  projectCode: 'P-001',
  department: '区交通运输局',
  implementingUnit: '区公路养护中心',
  funds: { unit: '万元', total: '120', currentAppropriation: '100', priorYearCarryover: '20', other: '' },
  annualGoal: '完成 300 公里农村道路养护。',
  indicators: [
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quantity',
      level2Label: '',
      name: '养护里程',
      comparator: '≥',
      target: '300',
      measureUnit: '公里',
      weight: '30',
    }),
    emptyDeclaredIndicator({ level1: 'output', level2: 'cost', name: '每公里成本', target: '≤0.4万元', weight: '20' }),
    emptyDeclaredIndicator({ level1: 'outcome', level2: 'social', name: '通行条件', target: '明显改善', weight: '30' }),
    emptyDeclaredIndicator({ level1: 'satisfaction', name: '群众满意度', target: '≥90%', weight: '十' }),
  ],
});

describe('monitoringFromDeclaration', () => {
  it('carries the facts, the budget per source and the indicators, and leaves progress blank', () => {
    const report = monitoringFromDeclaration(declaration(), '2026-07-31');
    expect(monitoringReportSchema.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({
      fiscalYear: 2026,
      asOf: '2026-07-31',
      projectName: '农村道路养护',
      department: '区交通运输局',
      implementingUnit: '区公路养护中心',
      annualGoal: '完成 300 公里农村道路养护。',
      goalProgress: '',
      measures: '',
    });
    expect(report.funds.total).toEqual({ budget: '120', executed: '', expectedAnnual: '' });
    expect(report.funds.priorYearCarryover.budget).toBe('20');
    expect(report.funds.other.budget).toBe('');
    expect(report.indicators.map((row) => [row.level1Label, row.level2Label, row.name, row.target])).toEqual([
      ['产出指标', '数量指标', '养护里程', '300'],
      ['产出指标', '成本指标', '每公里成本', '≤0.4万元'],
      ['效益指标', '社会效益指标', '通行条件', '明显改善'],
      ['满意度指标', '', '群众满意度', '≥90%'],
    ]);
    expect(report.indicators.every((row) => row.progress === '' && row.likelihood === null)).toBe(true);
  });
});

describe('evaluationFromDeclaration', () => {
  const ruleSet = requireRuleSet('national-2020');

  it('starts the self-evaluation from the approved targets and leaves what only the year end knows blank', () => {
    const form = evaluationFromDeclaration(declaration(), null, ruleSet);
    expect(evaluationFormSchema.safeParse(form).success).toBe(true);
    expect(form).toMatchObject({
      fiscalYear: 2026,
      projectName: '农村道路养护',
      projectCode: 'P-001',
      department: '区交通运输局',
      implementingUnit: '区公路养护中心',
      annualGoal: { expected: '完成 300 公里农村道路养护。', actual: '' },
    });
    expect(form.funds.total).toEqual({ initialBudget: '120', adjustedBudget: '', executed: '' });
    expect(form.funds.currentAppropriation.initialBudget).toBe('100');
    expect(form.funds.executionWeight).toBe(String(ruleSet.executionWeight));
    expect(form.funds.statedExecutionScore).toBe('');
    expect(form.indicators[0]).toEqual({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quantity',
      level2Label: '',
      name: '养护里程',
      target: '300',
      actual: '',
      weight: '30',
      statedScore: '',
      deviationNote: '',
      comparator: '≥',
      measureUnit: '公里',
    });
    // A level whose weights do not all read as numbers is left for the unit, not guessed.
    expect(form.declaredLevel1Weights).toEqual({ output: '50', outcome: '30', satisfaction: '' });
    expect(form.statedTotal).toEqual({ weight: '', score: '' });
  });

  it('leaves the fund row 分值 blank without a rule set', () => {
    expect(evaluationFromDeclaration(declaration(), null).funds.executionWeight).toBe('');
  });

  it.each([
    ['the same budget as planned', '120', ''],
    ['an adjusted budget', '150', '150'],
    ['an unreadable budget', '待定', ''],
  ])('takes from monitoring %s', (_, budget, adjusted) => {
    const monitoring = monitoringFromDeclaration(declaration(), '2026-07-31');
    monitoring.funds.total.budget = budget;
    expect(evaluationFromDeclaration(declaration(), monitoring).funds.total.adjustedBudget).toBe(adjusted);
  });

  it('a pre-filled form round-trips the declaration schema inputs', () => {
    expect(declarationFormSchema.safeParse(declaration()).success).toBe(true);
  });
});
