import { finding } from '../audit/context.ts';
import type { Finding } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';
import { readFen } from '../score/cells.ts';
import { dec, HUNDRED } from '../util/decimal.ts';
import type { MonitoredIndicator, MonitoringReport } from './monitoring-report.ts';

/**
 * 运行监控 checks (issue 18): how far the money has gone against how far the year has gone, and which indicators
 * the unit itself says are at risk. Pure; the submit use case stores the summary for the lists and the dashboard.
 */

/** When a rule set says nothing of monitoring: 8 percentage points, so 31 July (58.08%) → below 50.08% is behind. */
export const DEFAULT_BEHIND_TOLERANCE = 0.08;

export const behindToleranceOf = (ruleSet: Pick<RuleSet, 'monitoring'>): number =>
  ruleSet.monitoring?.behindTolerance ?? DEFAULT_BEHIND_TOLERANCE;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Day of the year (1 January = 1) and the year's length, for a real calendar day; null otherwise. */
const dayOfYear = (asOf: string): { day: number; days: number } | null => {
  const match = ISO_DAY.exec(asOf);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = Date.UTC(year, 0, 1);
  const at = Date.UTC(year, month - 1, day);
  const back = new Date(at);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return { day: (at - start) / 86_400_000 + 1, days: isLeapYear(year) ? 366 : 365 };
};

/**
 * The share of the fiscal year (a calendar year) gone by at the end of `asOf`, in percent, 2 dp half-up, exact:
 * 2026-07-31 → 212 / 365 → "58.08". An unreadable date gives "0.00" (nothing can be said to be behind).
 */
export const yearTimeShare = (asOf: string): string => {
  const at = dayOfYear(asOf);
  if (!at) return '0.00';
  return dec(at.day).times(HUNDRED).div(at.days).round(2).toFixed(2);
};

/** Executed so far ÷ the total row's budget, percent 2 dp half-up; null when either is unreadable or the budget is 0. */
export const monitoringExecutionRate = (report: MonitoringReport): string | null => {
  const budget = readFen(report.funds.total.budget, report.funds.unit);
  const executed = readFen(report.funds.total.executed, report.funds.unit);
  if (budget === null || executed === null || budget <= 0) return null;
  return dec(executed).times(HUNDRED).div(budget).round(2).toFixed(2);
};

const hasDeviation = (indicator: MonitoredIndicator): boolean =>
  indicator.deviationCauses.length > 0 || indicator.deviationReason.trim() !== '';

/** 完全不可能, or 有可能 with a deviation cause or reason given: the unit's own warning on that indicator. */
export const isAtRisk = (indicator: MonitoredIndicator): boolean =>
  indicator.likelihood === 'impossible' || (indicator.likelihood === 'possible' && hasDeviation(indicator));

export type MonitoringSummary = {
  executionRate: string | null;
  timeShare: string;
  /** The time share less the tolerance, percent 2 dp: the rate below which execution is behind. */
  threshold: string;
  behindSchedule: boolean;
  atRiskIndicators: number;
};

export const summariseMonitoring = (
  report: MonitoringReport,
  ruleSet: Pick<RuleSet, 'monitoring'>,
): MonitoringSummary => {
  const executionRate = monitoringExecutionRate(report);
  const timeShare = yearTimeShare(report.asOf);
  const threshold = dec(timeShare)
    .minus(dec(behindToleranceOf(ruleSet)).times(HUNDRED))
    .round(2);
  return {
    executionRate,
    timeShare,
    threshold: threshold.toFixed(2),
    // Compared as the 2-dp figures the unit sees, so the message and the decision cannot disagree.
    behindSchedule: executionRate !== null && dec(executionRate).lt(threshold),
    atRiskIndicators: report.indicators.filter(isAtRisk).length,
  };
};

/**
 * EXECUTION_BEHIND_SCHEDULE when the execution rate is below the time share minus the rule set's tolerance. The
 * at-risk indicators raise nothing here: the unit said so itself; they matter again at year end
 * (MONITORING_WARNING_UNADDRESSED, budget-year-comparison.ts).
 */
export const monitoringFindings = (report: MonitoringReport, ruleSet: Pick<RuleSet, 'monitoring'>): Finding[] => {
  const summary = summariseMonitoring(report, ruleSet);
  const findings: Finding[] = [];
  if (summary.behindSchedule && summary.executionRate !== null) {
    findings.push(
      finding(
        'EXECUTION_BEHIND_SCHEDULE',
        'funds.total.executed',
        `截至 ${report.asOf} 预算执行率 ${summary.executionRate}%，时间进度 ${summary.timeShare}%，` +
          `低于时间进度减容差后的 ${summary.threshold}%，预算执行进度滞后。`,
      ),
    );
  }
  return findings;
};
