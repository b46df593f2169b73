import {
  checkResultDecision,
  DEFAULT_RESULT_APPLICATION_POLICY,
  GRADE_LABELS,
  isGrade,
  isResultDecision,
  policySummaryLines,
  RESULT_DECISION_LABELS,
  type ResultApplicationPolicyView,
  type ResultApplicationRow,
  type ResultApplicationRules,
  readResultApplicationRules,
  suggestion,
} from '@jixiao/core';
import { type Db, findResultApplicationPolicy, type ResultApplicationCandidateRow } from '@jixiao/db';

/** The bureau's policy of a year, or the default when none was set (said so by `isDefault`). */
export const loadPolicyView = async (
  db: Db,
  bureauId: string,
  fiscalYear: number,
): Promise<ResultApplicationPolicyView> => {
  const stored = await findResultApplicationPolicy(db, bureauId, fiscalYear);
  const rules = stored ? readResultApplicationRules(stored.rules) : DEFAULT_RESULT_APPLICATION_POLICY.rules;
  return {
    fiscalYear,
    rules,
    appealPeriodDays: stored?.appeal_period_days ?? DEFAULT_RESULT_APPLICATION_POLICY.appealPeriodDays,
    isDefault: stored === undefined,
    summary: policySummaryLines(rules),
    updatedBy: stored?.updated_by ?? null,
    updatedAt: stored?.updated_at.toISOString() ?? null,
  };
};

const numberOrNull = (text: string | null): number | null => (text === null ? null : Number(text));

/** One result with what the policy suggests for its grade and the decision recorded, checked against it. */
export const resultApplicationRow = (
  row: ResultApplicationCandidateRow,
  rules: ResultApplicationRules,
): ResultApplicationRow => {
  const grade = row.grade !== null && isGrade(row.grade) ? row.grade : null;
  const advice = grade ? suggestion(grade, rules) : null;
  const decision = row.decision !== null && isResultDecision(row.decision) ? row.decision : null;
  const adjustmentPercent = numberOrNull(row.adjustment_percent);
  return {
    evaluationId: row.evaluation_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    projectName: row.project_name,
    status: row.status,
    totalScore: numberOrNull(row.total_score),
    grade,
    gradeLabel: grade ? GRADE_LABELS[grade] : null,
    suggestion: advice,
    decision:
      decision && row.decided_by && row.decided_at
        ? {
            decision,
            decisionLabel: RESULT_DECISION_LABELS[decision],
            adjustmentPercent,
            suggestionText: row.suggestion ?? '',
            reason: row.reason ?? '',
            departures: advice ? checkResultDecision(advice, decision, adjustmentPercent).departures : [],
            decidedBy: row.decided_by,
            decidedByName: row.decided_by_name ?? '',
            decidedAt: row.decided_at.toISOString(),
          }
        : null,
  };
};
