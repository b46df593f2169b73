import Big from 'big.js';
import { FINDING_CODES, type FindingCode, isFindingCode, type Severity } from '../audit/codes.ts';
import { GRADE_LABELS, GRADES, type Grade } from '../model/result.ts';
import { EVALUATION_STATUSES, type EvaluationStatus, isSubmittedStatus } from '../workflow/workflow.ts';

/** One evaluation as the dashboard sees it: no form, only what the charts plot. */
export type DashboardEvaluation = {
  id: string;
  projectName: string;
  organizationName: string;
  departmentName: string | null;
  fiscalYear: number;
  status: EvaluationStatus;
  /** The reviewed total as stored (an exact decimal), null before the first scoring. */
  totalScore: string | null;
  grade: Grade | null;
  /** The execution rate in percent, as the engine rounded it; null when the report gives no budget. */
  executionRate: number | null;
  /** The codes of the current revision's findings, each once (none before the first scoring). */
  findingCodes: readonly string[];
};

/**
 * The findings that say an evaluation spent too little of its budget: the engine raises them under the evaluation's
 * own rule set and its threshold, so the dashboard's 执行率偏低 and the list filtered by it count by these codes
 * rather than by a rate of their own.
 */
export const LOW_EXECUTION_CODES = ['LOW_EXECUTION', 'LOW_EXECUTION_UNEXPLAINED'] as const satisfies FindingCode[];

export const hasLowExecution = (findingCodes: readonly string[]): boolean =>
  findingCodes.some((code) => LOW_EXECUTION_CODES.some((low) => low === code));

/** Findings of one code and severity in one year and department, counted by the database. */
export type DashboardFindingCount = {
  fiscalYear: number;
  /** The unit's parent organisation, null for a unit without one. */
  departmentId: string | null;
  departmentName: string | null;
  code: string;
  severity: Severity;
  count: number;
};

export type DashboardSummary = {
  fiscalYear: number | null;
  /** Every year with an evaluation, newest first: the choices of the year filter. */
  years: number[];
  evaluations: number;
  /** Of those, the submitted ones (in review or decided): the grades, the scatter and the means count only these. */
  results: number;
  byStatus: { status: EvaluationStatus; count: number }[];
  grades: { grade: Grade; label: string; count: number }[];
  /** Execution against score, one point per scored evaluation with a rate. */
  points: { id: string; projectName: string; organizationName: string; executionRate: number; totalScore: number }[];
  lowExecution: number;
  findings: {
    total: number;
    errors: number;
    /** count is of findings; evaluations is of the submitted evaluations with one or more of them, as the list counts. */
    byCode: { code: string; title: string; count: number; errors: number; evaluations: number }[];
    /** departmentId leads from a bar to the evaluations list of that department; null for units without one. */
    byDepartment: { departmentId: string | null; department: string; count: number }[];
  };
  /** Every year regardless of the filter, oldest first: the mean reviewed total, half-up to 2 dp. */
  scoreByYear: { fiscalYear: number; scored: number; averageScore: number }[];
};

const NO_DEPARTMENT = '（无主管部门）';

const titleOf = (code: string): string => (isFindingCode(code) ? FINDING_CODES[code].title : code);

const countBy = <T>(items: readonly T[], key: (item: T) => string, weight: (item: T) => number) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + weight(item));
  return counts;
};

const averageScores = (evaluations: readonly DashboardEvaluation[]): DashboardSummary['scoreByYear'] => {
  const byYear = new Map<number, Big[]>();
  for (const item of evaluations) {
    if (item.totalScore === null) continue;
    byYear.set(item.fiscalYear, [...(byYear.get(item.fiscalYear) ?? []), new Big(item.totalScore)]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, scores]) => ({
      fiscalYear,
      scored: scores.length,
      averageScore: Number(
        scores
          .reduce((sum, score) => sum.plus(score), new Big(0))
          .div(scores.length)
          .round(2, Big.roundHalfUp)
          .toFixed(2),
      ),
    }));
};

const summarizeFindings = (
  counts: readonly DashboardFindingCount[],
  results: readonly DashboardEvaluation[],
): DashboardSummary['findings'] => {
  const evaluations = countBy(
    results.flatMap((item) => item.findingCodes),
    (code) => code,
    () => 1,
  );
  const byCode = new Map<string, DashboardSummary['findings']['byCode'][number]>();
  for (const { code, severity, count } of counts) {
    const entry = byCode.get(code) ?? {
      code,
      title: titleOf(code),
      count: 0,
      errors: 0,
      evaluations: evaluations.get(code) ?? 0,
    };
    entry.count += count;
    if (severity === 'error') entry.errors += count;
    byCode.set(code, entry);
  }
  const departments = new Map<string, { departmentId: string | null; department: string; count: number }>();
  for (const { departmentId, departmentName, count } of counts) {
    const key = departmentId ?? '';
    const entry = departments.get(key) ?? { departmentId, department: departmentName ?? NO_DEPARTMENT, count: 0 };
    entry.count += count;
    departments.set(key, entry);
  }
  return {
    total: counts.reduce((sum, item) => sum + item.count, 0),
    errors: counts.reduce((sum, item) => sum + (item.severity === 'error' ? item.count : 0), 0),
    // The chart draws evaluations (what its bars open), so the most widespread come first.
    byCode: [...byCode.values()].sort(
      (a, b) => b.evaluations - a.evaluations || b.count - a.count || a.code.localeCompare(b.code),
    ),
    byDepartment: [...departments.values()].sort(
      (a, b) => b.count - a.count || a.department.localeCompare(b.department, 'zh-CN'),
    ),
  };
};

/**
 * The finance bureau's dashboard over every evaluation the caller may see: workflow progress over all of them;
 * grades, execution against score, low execution and the mean score per year (across all years, so a year's
 * filter still shows the trend it sits in) over the submitted ones only; findings by code and department (the
 * database counts those of submitted evaluations) with, per code, the submitted evaluations that have it.
 */
export const summarizeDashboard = (
  evaluations: readonly DashboardEvaluation[],
  findingCounts: readonly DashboardFindingCount[],
  fiscalYear: number | null,
): DashboardSummary => {
  const inYear = fiscalYear === null ? evaluations : evaluations.filter((item) => item.fiscalYear === fiscalYear);
  const statuses = countBy(
    inYear,
    (item) => item.status,
    () => 1,
  );
  // A draft's or a returned evaluation's score is work in progress, not a result.
  const results = inYear.filter((item) => isSubmittedStatus(item.status));
  const grades = countBy(
    results.filter((item) => item.grade !== null),
    (item) => item.grade ?? '',
    () => 1,
  );
  return {
    fiscalYear,
    years: [...new Set(evaluations.map((item) => item.fiscalYear))].sort((a, b) => b - a),
    evaluations: inYear.length,
    results: results.length,
    byStatus: EVALUATION_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
    grades: GRADES.map((grade) => ({ grade, label: GRADE_LABELS[grade], count: grades.get(grade) ?? 0 })),
    points: results.flatMap((item) =>
      item.executionRate !== null && item.totalScore !== null
        ? [
            {
              id: item.id,
              projectName: item.projectName,
              organizationName: item.organizationName,
              executionRate: item.executionRate,
              totalScore: Number(item.totalScore),
            },
          ]
        : [],
    ),
    lowExecution: results.filter((item) => hasLowExecution(item.findingCodes)).length,
    findings: summarizeFindings(
      fiscalYear === null ? findingCounts : findingCounts.filter((item) => item.fiscalYear === fiscalYear),
      results,
    ),
    scoreByYear: averageScores(evaluations.filter((item) => isSubmittedStatus(item.status))),
  };
};
