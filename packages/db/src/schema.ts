import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Columns written as a Date or ISO string and read back as a Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** numeric columns: both drivers return strings; repositories convert to numbers. */
type Numeric = ColumnType<string, number | string, number | string>;
/** bigint columns: PGlite returns numbers and our pg pool parses int8 to numbers too. */
type Int8 = ColumnType<number, number, number>;
type Json<T> = ColumnType<T, string, string>;
/** A JSON column with a database default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type OrganizationKind = 'finance_bureau' | 'department' | 'budget_unit';

export type Role = 'unit_filler' | 'unit_approver' | 'department_reviewer' | 'finance_reviewer' | 'admin';

export type EvaluationStatusColumn =
  | 'draft'
  | 'submitted'
  | 'department_review'
  | 'finance_review'
  | 'returned'
  | 'approved'
  | 'published';

export type RevisionKind = 'draft' | 'import' | 'submitted';

export type FundSource = 'total' | 'current_appropriation' | 'prior_year_carryover' | 'other';

export type OrganizationsTable = {
  id: string;
  parent_id: string | null;
  kind: OrganizationKind;
  name: string;
  code: Generated<string>;
  created_at: Timestamp;
  /** Set while the unit is stopped (停用): no new evaluations or accounts in it (migration 0015). */
  stopped_at: Timestamp | null;
};

export type UsersTable = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<boolean>;
  /** Set exactly when `disabled` is (a CHECK constraint keeps the two together). */
  disabled_at: Timestamp | null;
  /** When the password was last set; it expires a fixed time later (services: PASSWORD_MAX_AGE_DAYS). */
  password_changed_at: Timestamp;
  /** An administrator chose the password (a new account, a reset): the user must change it to go on. */
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
  /** The last successful sign-in (migration 0015); null for an account never used since. */
  last_login_at: Timestamp | null;
};

/** Hashes of the passwords a user has had, the current one included; `seq` counts up per user. */
export type PasswordHistoryTable = { user_id: string; seq: number; password_hash: string; created_at: Timestamp };

export type UserRolesTable = { user_id: string; organization_id: string; role: Role };

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Last request on this session; an idle session ends (services: SESSION_IDLE_MINUTES). */
  last_seen_at: Timestamp;
};

export type ProjectsTable = {
  id: string;
  organization_id: string;
  name: string;
  code: Generated<string>;
  fiscal_year: number;
  created_at: Timestamp;
};

export type EvaluationsTable = {
  id: string;
  organization_id: string;
  project_id: string;
  fiscal_year: number;
  project_name: string;
  status: EvaluationStatusColumn;
  rule_set_id: string;
  rule_set_version: string;
  current_revision_id: string | null;
  total_score: Numeric | null;
  grade: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type EvaluationRevisionsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  revision_no: number;
  kind: RevisionKind;
  form: Json<unknown>;
  result: Json<unknown>;
  rule_set: string;
  total_score: Numeric;
  grade: string;
  source_file_name: string | null;
  created_by: string;
  created_at: Timestamp;
};

export type FundBlocksTable = {
  id: string;
  organization_id: string;
  revision_id: string;
  source: FundSource;
  initial_budget_fen: Int8 | null;
  adjusted_budget_fen: Int8 | null;
  executed_fen: Int8 | null;
};

export type IndicatorResultsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  revision_id: string;
  row_index: number;
  level1: string | null;
  level2: string | null;
  name: string;
  target: string;
  actual: string;
  weight: Numeric | null;
  stated_score: Numeric | null;
  points: Numeric;
  basis: string;
  rule: string;
};

export type ReviewsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  revision_id: string;
  stage: string;
  decision: 'approved' | 'returned';
  reason: Generated<string>;
  reviewer_id: string;
  created_at: Timestamp;
};

export type PublicationsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  revision_id: string;
  published_by: string;
  published_at: Timestamp;
  unpublished_by: string | null;
  unpublished_at: Timestamp | null;
  unpublish_reason: string | null;
  redactions: JsonWithDefault<unknown>;
  document_hashes: JsonWithDefault<unknown>;
  /** The portal's JSON for this publication, fixed at publishing (null for publications made before 0007). */
  public_view: string | null;
};

export type AttachmentPurpose = 'import' | 'indicator_evidence' | 'rectification_evidence' | 'appeal_evidence';

export type AttachmentsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  bytes: Uint8Array;
  created_by: string;
  created_at: Timestamp;
  /** What the file supports; a CHECK constraint keeps the subject column of each purpose set, and only it. */
  purpose: Generated<AttachmentPurpose>;
  /** 三级指标 name of the row an indicator's evidence supports. */
  indicator_name: string | null;
  rectification_item_id: string | null;
  appeal_id: string | null;
};

/** A date column (no time of day): written and read as 'YYYY-MM-DD' text. */
type DateOnly = ColumnType<string, string, string>;

export type RectificationSourceKind = 'problem' | 'review_comment' | 'finding' | 'feedback' | 'manual';
export type RectificationStatus = 'open' | 'in_progress' | 'submitted' | 'closed' | 'cancelled';

/** 整改: one problem tracked to closure (migration 0010). */
export type RectificationItemsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string | null;
  fiscal_year: number;
  project_name: string;
  source_kind: RectificationSourceKind;
  source_text: Generated<string>;
  source_ref: Generated<string>;
  description: string;
  measure: Generated<string>;
  deadline: DateOnly;
  status: RectificationStatus;
  progress_note: Generated<string>;
  closing_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  /** 撤销 of an item registered by mistake (migration 0017): set together with status 'cancelled'. */
  cancel_reason: string | null;
  cancelled_by: string | null;
  cancelled_at: Timestamp | null;
  version: Generated<number>;
};

export type AppealStatus = 'pending' | 'upheld' | 'amended';

/** 申诉 / 复议 of a bureau decision on an evaluation (migration 0010). */
export type AppealsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  review_id: string;
  reasons: string;
  status: AppealStatus;
  original_score: Numeric | null;
  amended_score: Numeric | null;
  amended_grade: string | null;
  withdrawn_findings: JsonWithDefault<string[]>;
  filed_by: string;
  filed_at: Timestamp;
  ruled_by: string | null;
  ruled_at: Timestamp | null;
  ruling_reason: string | null;
  /** Migration 0013: the grade of the appealed decision, and whether its own reviewer ruled (no other existed). */
  original_grade: string | null;
  ruled_by_sole_reviewer: Generated<boolean>;
};

export type FeedbackStatus = 'pending' | 'published' | 'hidden';

/** 反馈: a citizen's message on a published report, held for moderation (migration 0010). */
export type PublicFeedbackTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  publication_id: string;
  body: string;
  contact: Generated<string>;
  source_hash: string;
  status: FeedbackStatus;
  reply: string | null;
  reply_draft: string | null;
  reply_drafted_by: string | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  hide_reason: string | null;
  rectification_item_id: string | null;
  created_at: Timestamp;
};

/** 结果应用: what each grade means for the next budget, per bureau and fiscal year (migration 0010). */
export type ResultApplicationPoliciesTable = {
  bureau_id: string;
  fiscal_year: number;
  rules: Json<unknown>;
  appeal_period_days: Generated<number>;
  updated_by: string;
  updated_at: Timestamp;
};

/** The suggested and decided arrangement for one evaluated project (migration 0010). */
export type ResultApplicationsTable = {
  id: string;
  organization_id: string;
  evaluation_id: string;
  fiscal_year: number;
  suggestion: string;
  decision: string;
  adjustment_percent: Numeric | null;
  reason: Generated<string>;
  decided_by: string;
  decided_at: Timestamp;
};

export type AuditLogTable = {
  seq: Int8;
  organization_id: string | null;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  details: JsonWithDefault<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
};

/** The audit chain's last entry, one row (0018_audit_head.sql). */
export type AuditHeadTable = {
  singleton: Generated<boolean>;
  seq: Int8;
  hash: string;
  prev_hash: string;
};

/**
 * An audit entry written in a transaction that has not committed yet (0019_audit_append_at_commit.sql): the log's
 * columns without the chain's, plus the canonical JSON the chain hashes around the `seq` it assigns.
 */
export type AuditPendingTable = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash' | 'details'> & {
  id: Generated<Int8>;
  details: ColumnType<Record<string, unknown>, string, string>;
  canonical_before: string;
  canonical_after: string;
};

export type BulkAuditStatusColumn = 'queued' | 'running' | 'done' | 'failed';

/** A bulk audit of an uploaded zip; `summary` is the finished BulkSummary as JSON text (set exactly when done). */
export type BulkAuditJobsTable = {
  id: string;
  created_by: string;
  file_name: string;
  rule_set_id: string;
  status: BulkAuditStatusColumn;
  done: Generated<number>;
  total: number;
  summary: string | null;
  error: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
};

/** Failed sign-ins of one name as typed (an account's or not) from one source address (services: login-throttle). */
export type LoginFailuresTable = {
  source: string;
  username: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
};

/** Failed sign-ins from one source address across all names, in a fixed window. */
export type LoginSourceFailuresTable = { source: string; window_started_at: Timestamp; failures: number };

export type SchemaMigrationsTable = { id: string; checksum: string; applied_at: Timestamp };

export type DeclarationStatusName =
  | 'draft'
  | 'submitted'
  | 'department_review'
  | 'finance_review'
  | 'returned'
  | 'approved';

/** 绩效目标申报 (migration 0016): one revision of a project's targets for a year. */
export type TargetDeclarationsTable = {
  id: string;
  organization_id: string;
  fiscal_year: number;
  project_name: string;
  revision_no: number;
  status: DeclarationStatusName;
  form: Json<unknown>;
  adjustment_reason: Generated<string>;
  supersedes_id: string | null;
  superseded_at: Timestamp | null;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
};

export type DeclarationActionName = 'submit' | 'withdraw' | 'approve' | 'return' | 'adjust';

export type DeclarationActionsTable = {
  id: string;
  organization_id: string;
  declaration_id: string;
  action: DeclarationActionName;
  stage: string;
  reason: Generated<string>;
  actor_id: string;
  created_at: Timestamp;
};

/** A monitoring date the bureau sets (migration 0016). */
export type MonitoringRoundsTable = {
  id: string;
  fiscal_year: number;
  as_of: DateOnly;
  due_date: DateOnly;
  title: string;
  created_by: string;
  created_at: Timestamp;
};

export type MonitoringReportsTable = {
  id: string;
  organization_id: string;
  round_id: string;
  declaration_id: string;
  fiscal_year: number;
  project_name: string;
  status: 'draft' | 'submitted';
  report: Json<unknown>;
  execution_rate: Numeric | null;
  behind_schedule: Generated<boolean>;
  at_risk_indicators: Generated<number>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
};

export type Database = {
  organizations: OrganizationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  evaluations: EvaluationsTable;
  evaluation_revisions: EvaluationRevisionsTable;
  fund_blocks: FundBlocksTable;
  indicator_results: IndicatorResultsTable;
  reviews: ReviewsTable;
  publications: PublicationsTable;
  attachments: AttachmentsTable;
  rectification_items: RectificationItemsTable;
  appeals: AppealsTable;
  public_feedback: PublicFeedbackTable;
  result_application_policies: ResultApplicationPoliciesTable;
  result_applications: ResultApplicationsTable;
  target_declarations: TargetDeclarationsTable;
  declaration_actions: DeclarationActionsTable;
  monitoring_rounds: MonitoringRoundsTable;
  monitoring_reports: MonitoringReportsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_pending: AuditPendingTable;
  bulk_audit_jobs: BulkAuditJobsTable;
  login_failures: LoginFailuresTable;
  login_source_failures: LoginSourceFailuresTable;
  schema_migrations: SchemaMigrationsTable;
};

export type Organization = Selectable<OrganizationsTable>;
export type User = Selectable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Evaluation = Selectable<EvaluationsTable>;
export type EvaluationRevision = Selectable<EvaluationRevisionsTable>;
export type Review = Selectable<ReviewsTable>;
export type Publication = Selectable<PublicationsTable>;
export type Attachment = Selectable<AttachmentsTable>;
export type RectificationItem = Selectable<RectificationItemsTable>;
export type Appeal = Selectable<AppealsTable>;
export type PublicFeedback = Selectable<PublicFeedbackTable>;
export type ResultApplicationPolicy = Selectable<ResultApplicationPoliciesTable>;
export type ResultApplication = Selectable<ResultApplicationsTable>;
export type TargetDeclaration = Selectable<TargetDeclarationsTable>;
export type DeclarationActionRow = Selectable<DeclarationActionsTable>;
export type MonitoringRound = Selectable<MonitoringRoundsTable>;
export type MonitoringReportRow = Selectable<MonitoringReportsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type BulkAuditJob = Selectable<BulkAuditJobsTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
