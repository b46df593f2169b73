import { AppError } from '../errors.ts';
import type { Grade } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';
import { gradeOf } from '../score/grade.ts';
import { chinaDate } from '../util/china-date.ts';
import { dec, round2 } from '../util/decimal.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The last day a decision may be appealed: the day of the decision plus the period, inclusive (a return on
 * 3 March with 15 days may be appealed until the end of 18 March, China time).
 */
export const appealDeadline = (decidedAt: Date, periodDays: number): string =>
  new Date(Date.parse(`${chinaDate(decidedAt)}T00:00:00Z`) + periodDays * DAY_MS).toISOString().slice(0, 10);

export const isWithinAppealPeriod = (now: Date, deadline: string): boolean => chinaDate(now) <= deadline;

/** A decision by the bureau, as the rules below need it. */
export type BureauDecision = { stage: string; decision: 'approved' | 'returned' };

/**
 * Whether a review may be appealed: the bureau's return at its stage, or its approval when the 复核 score (the
 * engine's total) differs from the total the unit stated. Other reviews (the unit's own approver, the department)
 * are settled inside the unit's chain and are not appealed to the bureau.
 */
export const isAppealableDecision = (
  review: BureauDecision,
  scores: { totalScore: number; statedTotal: number | null },
): boolean => {
  if (review.stage !== 'finance_review') return false;
  if (review.decision === 'returned') return true;
  return scores.statedTotal !== null && round2(dec(scores.statedTotal)) !== round2(dec(scores.totalScore));
};

/**
 * An amended score as the ruling gives it: 0–100, rounded half up to 2 decimals, with the grade the rule set's
 * bands give it (the same grading as the engine's).
 */
export const amendScore = (raw: number, gradeBands: RuleSet['gradeBands']): { score: number; grade: Grade } => {
  if (!Number.isFinite(raw) || raw < 0 || raw > 100)
    throw new AppError('VALIDATION_FAILED', '复议得分应在 0 到 100 之间', { fields: { amendedScore: '0–100' } });
  const score = round2(dec(String(raw)));
  return { score, grade: gradeOf(score, gradeBands) };
};
