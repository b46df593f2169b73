import type { DeclarationForm } from '../budget-year/declaration-form.ts';
import type { Likelihood, MonitoringReport } from '../budget-year/monitoring-report.ts';
import type { Finding } from '../model/result.ts';
import type { EvaluationStatus, WorkflowAction } from '../workflow/workflow.ts';

/*
 * The API's shapes for the year before the evaluation (issue 18): target declarations (绩效目标申报), monitoring
 * (运行监控) and the three stages side by side. Types only, for the services, the routes and the web app.
 */

/** A declaration moves through the evaluation's review statuses, short of publication. */
export type DeclarationStatus = Exclude<EvaluationStatus, 'published'>;

/** 'adjust' (调整): open a new revision of an approved declaration, which needs approval again. */
export type DeclarationAction = Exclude<WorkflowAction, 'publish' | 'unpublish'> | 'adjust';

export type FindingCounts = { error: number; warning: number; info: number };

export type DeclarationListItem = {
  id: string;
  organizationId: string;
  organizationName: string;
  fiscalYear: number;
  projectName: string;
  /** 1 for the declaration as first approved; each 调整 adds one. */
  revisionNo: number;
  status: DeclarationStatus;
  statusLabel: string;
  /** True once a later revision of the same project and year has been approved: no longer the targets in force. */
  superseded: boolean;
  findingCounts: FindingCounts;
  updatedAt: string;
  approvedAt: string | null;
};

export type DeclarationHistoryEntry = {
  action: DeclarationAction;
  actionLabel: string;
  /** The status the action was taken in (for reviews: the stage). */
  stage: DeclarationStatus;
  stageLabel: string;
  actorName: string;
  reason: string;
  at: string;
};

export type DeclarationView = DeclarationListItem & {
  form: DeclarationForm;
  /** Target quality checks (TARGET_NOT_MEASURABLE, COST_INDICATOR_MISSING …), computed from the form when read. */
  findings: Finding[];
  availableActions: DeclarationAction[];
  /** Optimistic lock for saves. */
  version: number;
  /** Why this revision was opened (调整); empty for the first. */
  adjustmentReason: string;
  /** The approved revision this one adjusts; null for the first. */
  supersedesId: string | null;
  history: DeclarationHistoryEntry[];
};

/** A monitoring date set by the bureau for a year (e.g. 2026-07-31), with the day reports are due. */
export type MonitoringRoundView = {
  id: string;
  fiscalYear: number;
  asOf: string;
  dueDate: string;
  title: string;
  createdAt: string;
};

export type MonitoringStatus = 'draft' | 'submitted';

export type MonitoringListItem = {
  id: string;
  roundId: string;
  declarationId: string;
  organizationId: string;
  organizationName: string;
  fiscalYear: number;
  projectName: string;
  asOf: string;
  status: MonitoringStatus;
  statusLabel: string;
  /** Executed so far ÷ budget, in percent with 2 dp; null when either is unreadable. */
  executionRate: string | null;
  /** The share of the year gone by at asOf, in percent with 2 dp (31 July → 58.08). */
  timeShare: string;
  /** Execution below the time share minus the rule set's tolerance (EXECUTION_BEHIND_SCHEDULE). */
  behindSchedule: boolean;
  /** Indicators judged 完全不可能 (or 有可能 with a deviation) at this date. */
  atRiskIndicators: number;
  submittedAt: string | null;
  updatedAt: string;
};

export type MonitoringView = MonitoringListItem & {
  report: MonitoringReport;
  findings: Finding[];
  version: number;
  /** The declaration's indicators with what the report says of each, in the declaration's order. */
  canEdit: boolean;
  canSubmit: boolean;
};

/** One indicator across the three stages; null where a stage does not have it. */
export type BudgetYearRow = {
  name: string;
  declared: { target: string; weight: string } | null;
  monitored: { progress: string; likelihood: Likelihood | null; deviationReason: string } | null;
  evaluated: { target: string; weight: string; actual: string; statedScore: string } | null;
  /** What moved between the approved declaration and the evaluation. */
  changes: ('target' | 'weight' | 'added' | 'removed')[];
};

/** GET /api/evaluations/:id/budget-year: declaration, monitoring and evaluation side by side. */
export type BudgetYearComparison = {
  declaration: DeclarationListItem | null;
  monitoring: MonitoringListItem | null;
  rows: BudgetYearRow[];
  /** TARGET_CHANGED_AFTER_APPROVAL, WEIGHT_CHANGED_AFTER_APPROVAL, INDICATOR_SET_CHANGED, MONITORING_WARNING_UNADDRESSED. */
  findings: Finding[];
};

/** The department's and the bureau's list of units behind at a monitoring date (dashboard card and page). */
export type MonitoringOverview = {
  round: MonitoringRoundView | null;
  reported: number;
  expected: number;
  behindSchedule: MonitoringListItem[];
  atRisk: MonitoringListItem[];
};
