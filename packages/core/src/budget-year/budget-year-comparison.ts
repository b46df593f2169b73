import type { BudgetYearRow } from '../api/budget-year.ts';
import { finding, isBlankText } from '../audit/context.ts';
import type { EvaluationForm, IndicatorRow } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import { normalizeCell } from '../parse/normalize.ts';
import type { ParsedValue, Quantity } from '../parse/types.ts';
import { parseValue } from '../parse/value.ts';
import type { RuleSet } from '../rules/schema.ts';
import { cellValue, readNumberCell } from '../score/cells.ts';
import { dec } from '../util/decimal.ts';
import type { DeclarationForm, DeclaredIndicator } from './declaration-form.ts';
import { isAtRisk, summariseMonitoring } from './monitoring-checks.ts';
import { LIKELIHOOD_LABELS, type MonitoredIndicator, type MonitoringReport } from './monitoring-report.ts';

/*
 * The three stages side by side (issue 18): the approved declaration, the monitoring report and the year-end
 * self-evaluation, matched row by row on the indicator's name, and the findings raised where the evaluation
 * departs from what was approved or ignores what monitoring warned of.
 */

/** The indicator's identity across stages: its name read as the parser reads cells, spaces and punctuation dropped. */
export const indicatorKey = (name: string): string =>
  normalizeCell(name)
    .replace(/[\s\p{P}]/gu, '')
    .toLowerCase();

const quantityKey = (quantity: Quantity): string => `${dec(quantity.value).toFixed()}${quantity.unit ?? ''}`;

/**
 * What a parsed target means, without how it was written. A direction is compared only when both cells state one:
 * "95%" and "≥95%" are the same target on a positive indicator.
 */
const meaningOf = (value: ParsedValue): { comparator: string | null; key: string } => {
  switch (value.kind) {
    case 'null':
      return { comparator: null, key: '' };
    case 'quantity':
      return { comparator: value.comparator, key: quantityKey(value.quantity) };
    case 'compound':
      return { comparator: value.comparator, key: value.parts.map(quantityKey).join('+') };
    case 'range':
      return { comparator: null, key: `${quantityKey(value.low)}~${quantityKey(value.high)}` };
    case 'deadline':
      return { comparator: null, key: `${value.date.year ?? ''}-${value.date.month}-${value.date.day ?? ''}` };
    case 'qualitative':
      return { comparator: null, key: indicatorKey(value.text) };
    default: {
      const unknown: never = value;
      return unknown;
    }
  }
};

type TargetCell = Pick<IndicatorRow, 'target' | 'comparator' | 'measureUnit'>;

/** Whether two targets differ in meaning: parsed values where both read, else the normalised text. */
export const targetsDiffer = (declared: TargetCell, evaluated: TargetCell): boolean => {
  const read = (row: TargetCell) =>
    parseValue(row.target, { comparatorColumn: row.comparator, unitHint: row.measureUnit });
  const [a, b] = [read(declared), read(evaluated)];
  if (a.ok && b.ok) {
    const [x, y] = [meaningOf(a.value), meaningOf(b.value)];
    if (x.key !== y.key) return true;
    return x.comparator !== null && y.comparator !== null && x.comparator !== y.comparator;
  }
  return indicatorKey(declared.target) !== indicatorKey(evaluated.target);
};

/** Whether two 分值 cells differ: as numbers where both read, else as normalised text. */
export const weightsDiffer = (declared: string, evaluated: string): boolean => {
  const [a, b] = [cellValue(readNumberCell(declared)), cellValue(readNumberCell(evaluated))];
  if (a !== null && b !== null) return !a.eq(b);
  return indicatorKey(declared) !== indicatorKey(evaluated);
};

const isFullScore = (weight: string, score: string): boolean => {
  const [w, s] = [cellValue(readNumberCell(weight)), cellValue(readNumberCell(score))];
  return w !== null && s !== null && w.gt(0) && s.gte(w);
};

const quote = (name: string): string => `“${name.trim() || '（未命名）'}”`;

/** Pairs each key with the first unused row of the same key, in order: duplicates pair up one by one. */
const indexByKey = <T extends { name: string }>(rows: readonly T[]): Map<string, number[]> => {
  const map = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const key = indicatorKey(row.name);
    map.set(key, [...(map.get(key) ?? []), index]);
  });
  return map;
};

const takeFirst = (map: Map<string, number[]>, key: string): number | null => {
  const list = map.get(key);
  const first = list?.shift();
  return first ?? null;
};

export type BudgetYearComparisonResult = { rows: BudgetYearRow[]; findings: Finding[] };

const monitoredView = (row: MonitoredIndicator | null): BudgetYearRow['monitored'] =>
  row ? { progress: row.progress, likelihood: row.likelihood, deviationReason: row.deviationReason } : null;

const evaluatedView = (row: IndicatorRow): NonNullable<BudgetYearRow['evaluated']> => ({
  target: row.target,
  weight: row.weight,
  actual: row.actual,
  statedScore: row.statedScore,
});

const unaddressed = (row: IndicatorRow, index: number, monitored: MonitoredIndicator): Finding[] =>
  isAtRisk(monitored) &&
  monitored.likelihood !== null &&
  isFullScore(row.weight, row.statedScore) &&
  isBlankText(row.deviationNote)
    ? [
        finding(
          'MONITORING_WARNING_UNADDRESSED',
          `indicators[${index}].deviationNote`,
          `第${index + 1}行指标${quote(row.name)}在运行监控中判断为“${LIKELIHOOD_LABELS[monitored.likelihood]}”` +
            `完成年度目标${monitored.deviationReason.trim() ? `（原因：${monitored.deviationReason.trim()}）` : ''}，` +
            `自评却按满分 ${row.statedScore.trim()} 分计且未说明偏差原因。`,
        ),
      ]
    : [];

/**
 * Execution was behind at the monitoring date, and the year-end fund row claims the full execution score without
 * stating the money executed that would show it was caught up.
 */
const executionUnaddressed = (
  form: EvaluationForm,
  monitoring: MonitoringReport,
  ruleSet: Pick<RuleSet, 'monitoring'>,
): Finding[] => {
  const summary = summariseMonitoring(monitoring, ruleSet);
  const funds = form.funds;
  if (!summary.behindSchedule || !isFullScore(funds.executionWeight, funds.statedExecutionScore)) return [];
  if (cellValue(readNumberCell(funds.total.executed)) !== null) return [];
  return [
    finding(
      'MONITORING_WARNING_UNADDRESSED',
      'funds.total.executed',
      `运行监控时（${monitoring.asOf}）预算执行率 ${summary.executionRate}% 低于时间进度 ${summary.timeShare}%，` +
        `自评预算执行按满分 ${funds.statedExecutionScore.trim()} 分计，却未填写全年执行数。`,
    ),
  ];
};

/**
 * Declaration, monitoring and evaluation row by row (declared order, then rows only the evaluation has), with
 * TARGET_CHANGED_AFTER_APPROVAL and WEIGHT_CHANGED_AFTER_APPROVAL per changed row, one INDICATOR_SET_CHANGED
 * naming the missing and new rows, and MONITORING_WARNING_UNADDRESSED where a warning went unexplained. Without a
 * declaration there is nothing approved to compare with: only the monitoring warnings are checked.
 */
export const compareBudgetYear = (
  form: EvaluationForm,
  declaration: DeclarationForm | null,
  monitoring: MonitoringReport | null,
  ruleSet: Pick<RuleSet, 'monitoring'> = {},
): BudgetYearComparisonResult => {
  const evaluated = indexByKey(form.indicators);
  const monitoredIndex = indexByKey(monitoring?.indicators ?? []);
  const monitoredRow = (name: string): MonitoredIndicator | null => {
    const index = takeFirst(monitoredIndex, indicatorKey(name));
    return index === null ? null : (monitoring?.indicators[index] ?? null);
  };
  const rows: BudgetYearRow[] = [];
  const findings: Finding[] = [];
  const removed: DeclaredIndicator[] = [];
  const seen = new Set<number>();
  for (const declared of declaration?.indicators ?? []) {
    const index = takeFirst(evaluated, indicatorKey(declared.name));
    const monitored = monitoredRow(declared.name);
    const row = index === null ? null : (form.indicators[index] ?? null);
    if (index === null || row === null) {
      removed.push(declared);
      rows.push({
        name: declared.name,
        declared: { target: declared.target, weight: declared.weight },
        monitored: monitoredView(monitored),
        evaluated: null,
        changes: ['removed'],
      });
      continue;
    }
    seen.add(index);
    const changes: BudgetYearRow['changes'] = [];
    const where = `第${index + 1}行指标${quote(row.name)}`;
    if (targetsDiffer(declared, row)) {
      changes.push('target');
      findings.push(
        finding(
          'TARGET_CHANGED_AFTER_APPROVAL',
          `indicators[${index}].target`,
          `${where}的年度指标值“${row.target.trim()}”与批复的绩效目标“${declared.target.trim()}”不一致。`,
        ),
      );
    }
    if (weightsDiffer(declared.weight, row.weight)) {
      changes.push('weight');
      findings.push(
        finding(
          'WEIGHT_CHANGED_AFTER_APPROVAL',
          `indicators[${index}].weight`,
          `${where}的分值“${row.weight.trim()}”与批复的绩效目标分值“${declared.weight.trim()}”不一致。`,
        ),
      );
    }
    if (monitored) findings.push(...unaddressed(row, index, monitored));
    rows.push({
      name: declared.name,
      declared: { target: declared.target, weight: declared.weight },
      monitored: monitoredView(monitored),
      evaluated: evaluatedView(row),
      changes,
    });
  }
  const added: IndicatorRow[] = [];
  form.indicators.forEach((row, index) => {
    if (seen.has(index) || isBlankText(row.name)) return;
    const monitored = monitoredRow(row.name);
    if (monitored) findings.push(...unaddressed(row, index, monitored));
    if (declaration) added.push(row);
    rows.push({
      name: row.name,
      declared: null,
      monitored: monitoredView(monitored),
      evaluated: evaluatedView(row),
      changes: declaration ? ['added'] : [],
    });
  });
  if (removed.length > 0 || added.length > 0) {
    const parts = [
      ...(removed.length > 0
        ? [`批复的绩效目标中的指标${removed.map((row) => quote(row.name)).join('、')}未出现在自评表中`]
        : []),
      ...(added.length > 0 ? [`自评表新增了批复中没有的指标${added.map((row) => quote(row.name)).join('、')}`] : []),
    ];
    findings.push(finding('INDICATOR_SET_CHANGED', 'indicators', `${parts.join('；')}。`));
  }
  if (monitoring) findings.push(...executionUnaddressed(form, monitoring, ruleSet));
  return { rows, findings };
};
