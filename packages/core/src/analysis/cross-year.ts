import Big from 'big.js';
import type { EvaluationForm } from '../model/form.ts';
import type { EvaluationResult } from '../model/result.ts';
import { unitFromName } from '../parse/units.ts';
import { parseValue } from '../parse/value.ts';

/** One evaluation as the cross-unit analysis sees it: whose, which year, the form and what the engine made of it. */
export type AnalysedEvaluation = {
  id: string;
  organizationId: string;
  organizationName: string;
  fiscalYear: number;
  form: EvaluationForm;
  result: EvaluationResult;
};

export type RiskSignalCode =
  | 'TARGET_SANDBAGGING'
  | 'CHRONIC_OVER_ACHIEVEMENT'
  | 'HIGH_SCORE_LOW_EXECUTION'
  | 'QUALITATIVE_OUTCOMES'
  | 'RECURRING_FINDING';

export type RiskSignal = {
  code: RiskSignalCode;
  /** The evaluation the signal is about (the later year's, for cross-year signals). */
  evaluationId: string;
  /** Every evaluation the signal rests on, oldest first. */
  evidence: string[];
  message: string;
};

/** Thresholds of the analysis (rules.md sets none for it): a score of 90 is 优, 80% spent is the usual alarm. */
export const RISK_THRESHOLDS = {
  highScore: 90,
  lowExecutionRate: 80,
  /** Actual at least 30% beyond the target counts as over-achieved (issue 7). */
  overAchievement: new Big('1.3'),
} as const;

const normalise = (text: string): string => text.replace(/[\s\u3000（）()]/gu, '').toLowerCase();

/** The same project in different years: by its code when both have one, else by its name, within one unit. */
const projectKey = (evaluation: AnalysedEvaluation): string =>
  `${evaluation.organizationId}|${normalise(evaluation.form.projectCode) || normalise(evaluation.form.projectName)}`;

export type Reading = { value: Big; unit: string | null; lowerIsBetter: boolean };

/**
 * A cell read as one number with its unit; null for anything qualitative, compound or unreadable. Shared with the
 * declaration checks (TARGET_BELOW_LAST_ACTUAL), so a target is compared with last year's actual the same way here.
 */
export const readingOf = (raw: string, unitHint: string | null, comparatorColumn: string): Reading | null => {
  const parsed = parseValue(raw, { comparatorColumn, ...(unitHint ? { unitHint } : {}) });
  if (!parsed.ok || parsed.value.kind !== 'quantity') return null;
  try {
    return {
      value: new Big(parsed.value.quantity.value),
      unit: parsed.value.quantity.unit,
      lowerIsBetter: parsed.value.comparator === 'lte',
    };
  } catch {
    return null;
  }
};

type IndicatorReading = { name: string; target: Reading; actual: Reading };

const indicatorReadings = (evaluation: AnalysedEvaluation): Map<string, IndicatorReading> => {
  const readings = new Map<string, IndicatorReading>();
  for (const row of evaluation.form.indicators) {
    const unit = row.measureUnit.trim() || unitFromName(row.name);
    const target = readingOf(row.target, unit, row.comparator);
    const actual = readingOf(row.actual, unit, row.comparator);
    if (!target || !actual || (target.unit !== actual.unit && target.unit !== null && actual.unit !== null)) continue;
    readings.set(`${row.level1 ?? row.level1Label}|${normalise(row.name)}`, { name: row.name.trim(), target, actual });
  }
  return readings;
};

const overAchieved = ({ target, actual }: IndicatorReading): boolean =>
  !target.lowerIsBetter && target.value.gt(0) && actual.value.gte(target.value.times(RISK_THRESHOLDS.overAchievement));

const crossYearSignals = (previous: AnalysedEvaluation, current: AnalysedEvaluation): RiskSignal[] => {
  const signals: RiskSignal[] = [];
  const before = indicatorReadings(previous);
  const now = indicatorReadings(current);
  const label = `“${current.form.projectName.trim()}”（${current.organizationName}）`;
  for (const [key, reading] of now) {
    const last = before.get(key);
    if (!last || last.actual.unit !== reading.target.unit) continue;
    const sandbagged = reading.target.lowerIsBetter
      ? reading.target.value.gt(last.actual.value)
      : reading.target.value.lt(last.actual.value);
    if (sandbagged) {
      signals.push({
        code: 'TARGET_SANDBAGGING',
        evaluationId: current.id,
        evidence: [previous.id, current.id],
        message: `${label}${current.fiscalYear}年指标“${reading.name}”的年度指标值 ${reading.target.value.toString()}${reading.target.unit ?? ''}${reading.target.lowerIsBetter ? '高于' : '低于'}上年实际完成值 ${last.actual.value.toString()}${last.actual.unit ?? ''}，目标可能设定偏低。`,
      });
    }
    if (overAchieved(reading) && overAchieved(last)) {
      signals.push({
        code: 'CHRONIC_OVER_ACHIEVEMENT',
        evaluationId: current.id,
        evidence: [previous.id, current.id],
        message: `${label}指标“${reading.name}”连续两年超额完成 30% 以上（${previous.fiscalYear}年 ${last.actual.value.toString()}/${last.target.value.toString()}，${current.fiscalYear}年 ${reading.actual.value.toString()}/${reading.target.value.toString()}），年度指标值可能长期偏低。`,
      });
    }
  }
  const lastCodes = new Set(
    previous.result.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.code),
  );
  const recurring = [
    ...new Set(current.result.findings.filter((finding) => lastCodes.has(finding.code)).map((finding) => finding.code)),
  ];
  if (recurring.length > 0) {
    signals.push({
      code: 'RECURRING_FINDING',
      evaluationId: current.id,
      evidence: [previous.id, current.id],
      message: `${label}${previous.fiscalYear}年与${current.fiscalYear}年出现相同的审核发现：${recurring.join('、')}。`,
    });
  }
  return signals;
};

const ownSignals = (evaluation: AnalysedEvaluation): RiskSignal[] => {
  const signals: RiskSignal[] = [];
  const { totalScore, execution, findings } = evaluation.result;
  const label = `“${evaluation.form.projectName.trim()}”（${evaluation.organizationName}，${evaluation.fiscalYear}年）`;
  if (
    totalScore >= RISK_THRESHOLDS.highScore &&
    execution.rate !== null &&
    execution.rate < RISK_THRESHOLDS.lowExecutionRate
  ) {
    signals.push({
      code: 'HIGH_SCORE_LOW_EXECUTION',
      evaluationId: evaluation.id,
      evidence: [evaluation.id],
      message: `${label}复核得分 ${totalScore.toFixed(2)} 分，但预算执行率仅 ${execution.rate}%。`,
    });
  }
  if (findings.some((finding) => finding.code === 'QUALITATIVE_ONLY_OUTCOME')) {
    signals.push({
      code: 'QUALITATIVE_OUTCOMES',
      evaluationId: evaluation.id,
      evidence: [evaluation.id],
      message: `${label}效益指标全部为定性指标，无法量化核实。`,
    });
  }
  return signals;
};

/**
 * Risk signals across units and years (issue 7): a continuing project's target below last year's actual,
 * the same indicator over-achieved by 30% two years running, a high score on low execution, outcome
 * indicators that are all qualitative, and findings that recur in consecutive years. Pure.
 */
export const analyseRisks = (evaluations: readonly AnalysedEvaluation[]): RiskSignal[] => {
  const byProject = new Map<string, AnalysedEvaluation[]>();
  for (const evaluation of evaluations) {
    const key = projectKey(evaluation);
    byProject.set(key, [...(byProject.get(key) ?? []), evaluation]);
  }
  const signals = evaluations.flatMap(ownSignals);
  for (const years of byProject.values()) {
    const ordered = [...years].sort((a, b) => a.fiscalYear - b.fiscalYear);
    for (let index = 1; index < ordered.length; index++) {
      const previous = ordered[index - 1];
      const current = ordered[index];
      if (previous && current && current.fiscalYear === previous.fiscalYear + 1) {
        signals.push(...crossYearSignals(previous, current));
      }
    }
  }
  return signals;
};
