import { type EvaluationForm, emptyForm, emptyIndicator, LEVEL1_KEYS, type Level1 } from '../model/form.ts';
import { LEVEL1_LABELS, LEVEL2_LABELS } from '../model/labels.ts';
import type { RuleSet } from '../rules/schema.ts';
import { cellValue, readFen, readNumberCell } from '../score/cells.ts';
import { type Decimal, plain, ZERO } from '../util/decimal.ts';
import type { DeclarationForm, DeclaredIndicator, PlannedFunds } from './declaration-form.ts';
import { emptyMonitoredFundCells, type MonitoredFundCells, type MonitoringReport } from './monitoring-report.ts';

/*
 * The later stages start from the approved declaration (issue 18): the monitoring report and the year-end
 * self-evaluation are pre-filled with what was approved — facts, planned funds, goal, indicators with targets and
 * weights — and leave blank what only the unit can know (money spent, progress, actual values, scores).
 */

const level1Text = (row: DeclaredIndicator): string =>
  row.level1Label.trim() || (row.level1 ? LEVEL1_LABELS[row.level1] : '');
const level2Text = (row: DeclaredIndicator): string =>
  row.level2Label.trim() || (row.level2 ? LEVEL2_LABELS[row.level2] : '');

const fundCells = (budget: string): MonitoredFundCells => ({ ...emptyMonitoredFundCells(), budget });

/** 项目支出绩效目标执行监控表 for `asOf`, with the declared budget and indicators; progress left to the unit. */
export const monitoringFromDeclaration = (declaration: DeclarationForm, asOf: string): MonitoringReport => ({
  monitoringVersion: 1,
  fiscalYear: declaration.fiscalYear,
  asOf,
  projectName: declaration.projectName,
  department: declaration.department,
  implementingUnit: declaration.implementingUnit,
  funds: {
    unit: declaration.funds.unit,
    total: fundCells(declaration.funds.total),
    currentAppropriation: fundCells(declaration.funds.currentAppropriation),
    priorYearCarryover: fundCells(declaration.funds.priorYearCarryover),
    other: fundCells(declaration.funds.other),
  },
  annualGoal: declaration.annualGoal,
  goalProgress: '',
  indicators: declaration.indicators.map((row) => ({
    level1Label: level1Text(row),
    level2Label: level2Text(row),
    name: row.name,
    target: row.target,
    progress: '',
    expectedAnnual: '',
    deviationCauses: [],
    deviationReason: '',
    likelihood: null,
    measures: '',
  })),
  measures: '',
});

type FundSource = keyof Omit<PlannedFunds, 'unit'>;
const FUND_SOURCES = ['total', 'currentAppropriation', 'priorYearCarryover', 'other'] as const satisfies FundSource[];

/**
 * The budget as the monitoring table states it when it differs from the declared plan (an adjustment during the
 * year), in the declaration's unit; otherwise blank. Read exactly in fen; never guessed.
 */
const adjustedBudget = (
  declaration: DeclarationForm,
  monitoring: MonitoringReport | null,
  source: FundSource,
): string => {
  if (!monitoring) return '';
  const planned = readFen(declaration.funds[source], declaration.funds.unit);
  const monitored = readFen(monitoring.funds[source].budget, monitoring.funds.unit);
  if (monitored === null || planned === monitored) return '';
  return monitoring.funds.unit === declaration.funds.unit ? monitoring.funds[source].budget.trim() : '';
};

/** Σ of the declared weights under each level-1 heading, when every one of them reads as a number. */
const level1Weights = (indicators: readonly DeclaredIndicator[]): Record<Level1, string> => {
  const sums = Object.fromEntries(LEVEL1_KEYS.map((key) => [key, ''])) as Record<Level1, string>;
  for (const key of LEVEL1_KEYS) {
    const rows = indicators.filter((row) => row.level1 === key);
    if (rows.length === 0) continue;
    const values = rows.map((row) => cellValue(readNumberCell(row.weight)));
    if (values.some((value) => value === null)) continue;
    sums[key] = plain(values.reduce<Decimal>((sum, value) => sum.plus(value ?? ZERO), ZERO));
  }
  return sums;
};

/**
 * A self-evaluation draft from the approved declaration: project facts, planned funds as 年初预算数 per source,
 * 年度总体目标 as expected, and every declared indicator with its levels, target, weight, direction and unit. The
 * fund row's 分值 comes from the rule set when given. Actual values, money spent, scores and deviation notes stay
 * blank: the unit reports them; the monitoring report only supplies a budget adjusted during the year.
 */
export const evaluationFromDeclaration = (
  declaration: DeclarationForm,
  monitoring: MonitoringReport | null,
  ruleSet?: Pick<RuleSet, 'executionWeight'>,
): EvaluationForm => {
  const form = emptyForm();
  const funds = { ...form.funds, unit: declaration.funds.unit };
  for (const source of FUND_SOURCES) {
    funds[source] = {
      initialBudget: declaration.funds[source],
      adjustedBudget: adjustedBudget(declaration, monitoring, source),
      executed: '',
    };
  }
  return {
    ...form,
    fiscalYear: declaration.fiscalYear,
    projectName: declaration.projectName,
    projectCode: declaration.projectCode,
    department: declaration.department,
    implementingUnit: declaration.implementingUnit,
    funds: { ...funds, executionWeight: ruleSet ? String(ruleSet.executionWeight) : '' },
    annualGoal: { expected: declaration.annualGoal, actual: '' },
    declaredLevel1Weights: level1Weights(declaration.indicators),
    indicators: declaration.indicators.map((row) =>
      emptyIndicator({
        level1: row.level1,
        level1Label: row.level1Label,
        level2: row.level2,
        level2Label: row.level2Label,
        name: row.name,
        target: row.target,
        weight: row.weight,
        comparator: row.comparator,
        measureUnit: row.measureUnit,
      }),
    ),
  };
};
