import type { Grade } from '../model/result.ts';
import type { ResultApplicationRules, ResultDecision, ResultSuggestion } from './result-application-policy.ts';

/** A year's policy as the API returns it; `isDefault` when the bureau has set none and the default applies. */
export type ResultApplicationPolicyView = {
  fiscalYear: number;
  rules: ResultApplicationRules;
  appealPeriodDays: number;
  isDefault: boolean;
  /** One line per grade: 优：保持或增加不超过 10%（优先保障）. */
  summary: string[];
  updatedBy: string | null;
  updatedAt: string | null;
};

export type ResultApplicationDecisionView = {
  decision: ResultDecision;
  decisionLabel: string;
  adjustmentPercent: number | null;
  /** The arrangement suggested when the decision was recorded (the policy may have changed since). */
  suggestionText: string;
  reason: string;
  /** Why the decision departs from the current suggestion; empty when it follows it. */
  departures: string[];
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
};

/** One evaluated project of the year (approved or published) with what the policy suggests and what was decided. */
export type ResultApplicationRow = {
  evaluationId: string;
  organizationId: string;
  organizationName: string;
  projectName: string;
  status: 'approved' | 'published';
  totalScore: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
  /** null when the evaluation carries no grade (nothing to suggest from). */
  suggestion: ResultSuggestion | null;
  decision: ResultApplicationDecisionView | null;
};

export type ResultApplicationYear = {
  fiscalYear: number;
  /** Years with an approved or published evaluation, newest first, plus the one asked for. */
  years: number[];
  policy: ResultApplicationPolicyView;
  rows: ResultApplicationRow[];
  /** Whether the caller may change the policy and record decisions (财政局 reviewers; the admin only views). */
  canEdit: boolean;
};

/** How a year's results were applied, for the dashboard. */
export type ResultApplicationSummary = {
  fiscalYear: number;
  evaluated: number;
  decided: number;
  pending: number;
  byDecision: { decision: ResultDecision; label: string; count: number }[];
  /** Decisions that depart from the policy's suggestion. */
  departures: number;
  /**
   * The net change to next year's budgets in 万元: each decided project's adjusted budget (全年预算数) times its
   * signed adjustment (取消 = −100%); projects without a budget figure are left out and counted.
   */
  netAdjustmentWan: number;
  withoutBudget: number;
};
