import type { Risk } from '../analysis/review-risk.ts';
import type { PublishedReconsideration } from '../appeal/appeal-view.ts';
import type { BulkSummary } from '../bulk/bulk-summary.ts';
import type { EvaluationForm, NarrativeSection } from '../model/form.ts';
import type { EvaluationResult } from '../model/result.ts';
import type { RectificationItemView } from '../rectification/rectification-view.ts';
import type { EvaluationSummary, IndicatorSummary } from '../summary.ts';
import type { ReportDepartment } from '../validate/department-mismatch.ts';
import type { EvaluationStatus, Role, WorkflowAction } from '../workflow/workflow.ts';

/*
 * The shapes the HTTP API answers with: the services build them, the routes send them, the web app reads them.
 * Types only, so the browser imports them (`import type`, erased) without the engine or any Node code.
 */

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type RoleGrant = { organizationId: string; role: Role };

/** Why the server will answer nothing but the password change until the password is changed. */
export type PasswordChangeReason = 'must_change' | 'expired';

/** GET /api/auth/me and the login's answer. */
export type Me = {
  userId: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  csrfToken: string;
  passwordChangeRequired: PasswordChangeReason | null;
};

export type OrganizationView = {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** When the unit was stopped (停用); null while it is in use. */
  stoppedAt: string | null;
};

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

/** Why and by whom an evaluation was last sent back, for the unit's 待办 and the editor's banner. */
export type ReturnNote = { stage: string; stageLabel: string; reason: string; at: string; reviewerName: string };

/** A row of the evaluations list: the evaluation and, when it stands returned, its latest return. */
export type EvaluationListItem = EvaluationView & { lastReturn: ReturnNote | null };

export type RevisionView = {
  id: string;
  revisionNo: number;
  kind: string;
  ruleSet: string;
  totalScore: number;
  grade: string;
  createdBy: string;
  createdAt: string;
  sourceFileName: string | null;
};

export type ReviewView = {
  id: string;
  stage: string;
  decision: 'approved' | 'returned';
  reason: string;
  reviewerId: string;
  /** Who decided, as the account's display name. */
  reviewerName: string;
  revisionId: string;
  createdAt: string;
};

export type PublicationView = {
  id: string;
  revisionId: string;
  publishedAt: string;
  publishedByName: string;
  unpublishedAt: string | null;
  unpublishedByName: string | null;
  unpublishReason: string | null;
};

export type AttachmentView = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

export type EvaluationDetail = EvaluationView & {
  attachments: AttachmentView[];
  form: EvaluationForm | null;
  result: EvaluationResult | null;
  revisions: RevisionView[];
  reviews: ReviewView[];
  publications: PublicationView[];
  availableActions: WorkflowAction[];
  /**
   * The same project's 整改 items from earlier years not yet closed; their RECTIFICATION_OPEN / _OVERDUE
   * findings are in result.findings, computed when read (never stored in the revision).
   */
  earlierRectifications: RectificationItemView[];
};

/** A run of a text diff: kept, inserted or deleted characters. */
export type TextRun = { op: 'equal' | 'insert' | 'delete'; text: string };

/**
 * One change between two revisions of a form, in the form's own words. Indicator rows are matched by identity
 * (their names and content), not by position, so a deleted row is one 删除 and a moved row one 移动.
 */
export type FormChange = {
  kind: 'changed' | 'added' | 'removed' | 'moved';
  /** The path of the field in the later form (the earlier one for a removed row), as in findings: "indicators[3].target". */
  path: string;
  /** Where, as the form names it: "三级指标“征收户数”", "资金 · 年度资金总额", "自评报告 · 七、存在的问题及原因分析". */
  place: string;
  /** The column or field changed ("年度指标值"); "" when the change is a whole row or section. */
  field: string;
  /** Both values as text ("" when absent); for an added or removed row, the row in words. */
  before: string;
  after: string;
  /** Character-level runs for long text (narrative, notes), null for short values shown as before → after. */
  runs: TextRun[] | null;
  /** The whole change as one sentence: "三级指标“征收户数”：年度指标值 95% → 98%". */
  text: string;
};

export type RevisionDiff = {
  from: RevisionView;
  to: RevisionView;
  changes: FormChange[];
  totalScore: { before: number; after: number };
  /** "CODE@where"; rows are compared by identity, so a finding on a row that only shifted is neither. */
  findingCodes: { added: string[]; removed: string[] };
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

/** GET /api/review-queue: what waits on the reviewer, riskiest first. */
export type ReviewQueueItem = EvaluationView & { executionRate: number | null; risk: Risk };
export type ReviewQueue = { items: ReviewQueueItem[]; total: number };

export type PublishedListItem = {
  id: string;
  projectName: string;
  department: string | null;
  unit: string;
  year: number;
  totalScore: number | null;
  grade: string | null;
  gradeLabel: string | null;
};

/** An indicator on the portal: its rule id kept for machines, named in words for people. */
export type PublishedIndicator = IndicatorSummary & { ruleName: string };

/**
 * What the public sees: the published revision's scores and explanations, not the internal audit findings. The
 * unit and its 主管部门 are the organisation tree's (as the public list shows them); the form's 主管部门 cell is kept
 * beside them (`ReportDepartment`).
 */
export type PublishedEvaluation = Omit<EvaluationSummary, 'findings' | 'file' | 'department' | 'indicators'> &
  ReportDepartment & {
    id: string;
    unit: string;
    /** The rule set `ruleSet` names, in words ("财政部《…》（财预〔2020〕10号）1.0.0 版"). */
    ruleSetName: string;
    indicators: PublishedIndicator[];
    publishedAt: string;
    gradeLabel: string | null;
    annualGoal: { expected: string; actual: string };
    narrative: { title: string; sections: NarrativeSection[] };
    /** 经复议: a ruling on an appeal changed this result (absent when none did). */
    reconsideration?: PublishedReconsideration | undefined;
  };

/** An account as an administrator sees it (GET /api/users). */
export type UserView = {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  disabledAt: string | null;
  passwordChangedAt: string;
  passwordExpiresAt: string;
  /** What the user will have to do at the next sign-in, as of now. */
  passwordChangeRequired: PasswordChangeReason | null;
  createdAt: string;
  /** The last successful sign-in; null for an account not used since. */
  lastLoginAt: string | null;
  roles: RoleGrant[];
};

export type CreatedUser = {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  /** Only when the password was generated: the one time it leaves the server. */
  temporaryPassword?: string;
};

export type PasswordReset = { userId: string; username: string; temporaryPassword: string; revokedSessions: number };

export type BulkAuditStatus = 'queued' | 'running' | 'done' | 'failed';

/** A bulk audit job: progress while it runs, the reason when it failed. */
export type BulkAuditView = {
  id: string;
  fileName: string;
  ruleSetId: string;
  status: BulkAuditStatus;
  done: number;
  total: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type BulkAuditDetail = BulkAuditView & { summary: BulkSummary | null };
