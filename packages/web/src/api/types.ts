/**
 * The shapes the server answers with (packages/server routes). Written out here rather than imported from
 * @jixiao/services, which is Node code. From @jixiao/core only types are taken (`import type` is erased, so
 * the portal's first load still carries none of the engine).
 */
import type { IndicatorSummary, Risk } from '@jixiao/core';

export type RoleName = 'unit_filler' | 'unit_approver' | 'department_reviewer' | 'finance_reviewer' | 'admin';

/** Why the server will answer nothing but the password change until the password is changed. */
export type PasswordChangeReason = 'must_change' | 'expired';

export type Me = {
  userId: string;
  username: string;
  displayName: string;
  roles: { organizationId: string; role: RoleName }[];
  csrfToken: string;
  passwordChangeRequired: PasswordChangeReason | null;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type PublicListItem = {
  id: string;
  projectName: string;
  department: string | null;
  unit: string;
  year: number;
  totalScore: number | null;
  grade: string | null;
  gradeLabel: string | null;
};

/** One indicator as the public page shows it: the engine's summary of the row (core's IndicatorSummary). */
export type PublicIndicator = IndicatorSummary;

export type PublishedEvaluation = {
  id: string;
  projectName: string;
  department: string;
  implementingUnit: string;
  unit: string;
  year: number | null;
  ruleSet: string;
  funds: { initialBudget: number | null; adjustedBudget: number | null; executed: number | null; unit: string };
  executionRate: number | null;
  executionScore: number;
  executionExplanation: string;
  statedTotal: number | null;
  recomputedTotal: number;
  totalScore: number;
  grade: string;
  gradeLabel: string | null;
  provisional: boolean;
  cap: string | null;
  indicators: PublicIndicator[];
  publishedAt: string;
  annualGoal: { expected: string; actual: string };
  narrative: { title: string; sections: { number: number; heading: string; body: string }[] };
};

export type EvaluationStatus =
  | 'draft'
  | 'submitted'
  | 'department_review'
  | 'finance_review'
  | 'returned'
  | 'approved'
  | 'published';

export type EvaluationView = {
  id: string;
  organizationId: string;
  organizationName: string;
  departmentName: string | null;
  projectName: string;
  fiscalYear: number;
  status: EvaluationStatus;
  statusLabel: string;
  ruleSet: string;
  version: number;
  totalScore: number | null;
  grade: string | null;
  currentRevisionId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type FindingListItem = {
  evaluationId: string;
  projectName: string;
  fiscalYear: number;
  organizationName: string;
  status: string;
  code: string;
  severity: string;
  message: string;
  where: string;
};

export type OrganizationItem = { id: string; name: string; kind: string; parentId: string | null };

/** GET /api/review-queue: what waits on the reviewer, riskiest first (services/evaluations/list-review-queue.ts). */
export type ReviewQueueItem = EvaluationView & { risk: Risk; executionRate: number | null };
export type ReviewQueue = { items: ReviewQueueItem[]; total: number };
