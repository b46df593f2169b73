import { AppError } from '../errors.ts';
import { meaningfulText } from '../util/meaningful-text.ts';

/**
 * The review workflow of one evaluation (glossary: 填报 → 送审 → 审核 → 退回 / 通过 → 公开), as data:
 * who may take which action from which status. Pure; the services check organisations and write the log.
 */
export const EVALUATION_STATUSES = [
  'draft',
  'submitted',
  'department_review',
  'finance_review',
  'returned',
  'approved',
  'published',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const ROLES = ['unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const WORKFLOW_ACTIONS = ['edit', 'submit', 'withdraw', 'approve', 'return', 'publish', 'unpublish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: '填报中',
  submitted: '待单位审核',
  department_review: '待主管部门审核',
  finance_review: '待财政局审核',
  returned: '已退回',
  approved: '已通过',
  published: '已公开',
};

export const ROLE_LABELS: Record<Role, string> = {
  unit_filler: '单位填报',
  unit_approver: '单位审核',
  department_reviewer: '主管部门审核',
  finance_reviewer: '财政局审核',
  admin: '系统管理员',
};

/** The review stage a decision was taken at (a review's `stage` is the status it was taken in). */
const REVIEW_STAGE_LABELS: ReadonlyMap<string, string> = new Map([
  ['submitted', '单位审核'],
  ['department_review', '主管部门审核'],
  ['finance_review', '财政局审核'],
]);

export const reviewStageLabel = (stage: string): string => REVIEW_STAGE_LABELS.get(stage) ?? stage;

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  edit: '修改',
  submit: '送审',
  withdraw: '撤回送审',
  approve: '审核通过',
  return: '退回',
  publish: '公开',
  unpublish: '撤回公开',
};

export type WorkflowRule = {
  action: WorkflowAction;
  from: EvaluationStatus;
  to: EvaluationStatus;
  roles: readonly Role[];
  reasonRequired: boolean;
};

const rule = (
  action: WorkflowAction,
  from: EvaluationStatus,
  to: EvaluationStatus,
  roles: readonly Role[],
  reasonRequired = false,
): WorkflowRule => ({ action, from, to, roles, reasonRequired });

/**
 * The bureau may send an evaluation back at any review stage (it oversees the whole chain); each stage's
 * own reviewer approves it onward. The admin manages accounts, not evaluations (separation of duties).
 */
export const WORKFLOW_RULES: readonly WorkflowRule[] = [
  rule('edit', 'draft', 'draft', ['unit_filler']),
  rule('edit', 'returned', 'returned', ['unit_filler']),
  rule('submit', 'draft', 'submitted', ['unit_filler']),
  rule('submit', 'returned', 'submitted', ['unit_filler']),
  // Before the unit's approver has acted, the filler may take a submission back to correct it.
  rule('withdraw', 'submitted', 'draft', ['unit_filler']),
  rule('approve', 'submitted', 'department_review', ['unit_approver']),
  rule('approve', 'department_review', 'finance_review', ['department_reviewer']),
  rule('approve', 'finance_review', 'approved', ['finance_reviewer']),
  rule('return', 'submitted', 'returned', ['unit_approver', 'finance_reviewer'], true),
  rule('return', 'department_review', 'returned', ['department_reviewer', 'finance_reviewer'], true),
  rule('return', 'finance_review', 'returned', ['finance_reviewer'], true),
  rule('publish', 'approved', 'published', ['finance_reviewer']),
  rule('unpublish', 'published', 'approved', ['finance_reviewer'], true),
];

/** Which actions move an evaluation on towards publication (a return or an unpublish sends it back). */
const MOVES_FORWARD: Record<WorkflowAction, boolean> = {
  edit: false,
  submit: true,
  withdraw: false,
  approve: true,
  return: false,
  publish: true,
  unpublish: false,
};

/**
 * Actions that pass judgement on the current revision and move it on: separation of duties
 * (separation-of-duties.ts) bars its submitter and its last editor from taking them, at every stage. A return or an
 * unpublish is left to them: it moves the work away from publication, with a reason on record, and is how someone
 * who both filled and reviews a unit's form takes back a submission made in error.
 */
export const DECIDES_ON_REVISION: Record<WorkflowAction, boolean> = {
  edit: false,
  submit: false,
  withdraw: false,
  approve: true,
  return: false,
  publish: true,
  unpublish: false,
};

/** The statuses in which an evaluation waits on a role: those from which that role moves it forward. */
export const waitingStatuses = (role: Role): EvaluationStatus[] => [
  ...new Set(
    WORKFLOW_RULES.filter((candidate) => MOVES_FORWARD[candidate.action] && candidate.roles.includes(role)).map(
      (candidate) => candidate.from,
    ),
  ),
];

/** Statuses whose content may still change; every other revision is frozen. */
export const isEditableStatus = (status: EvaluationStatus): boolean => status === 'draft' || status === 'returned';

/**
 * Statuses in which the evaluation stands as submitted (in review or decided): its score is a result the bureau
 * counts. A draft or a returned evaluation is the unit's work in progress.
 */
export const isSubmittedStatus = (status: EvaluationStatus): boolean => !isEditableStatus(status);

/** The submitted statuses, for a query that must count exactly what isSubmittedStatus counts. */
export const SUBMITTED_STATUSES: readonly EvaluationStatus[] = EVALUATION_STATUSES.filter(isSubmittedStatus);

export type TransitionDecision =
  | { ok: true; rule: WorkflowRule }
  | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string };

/** Decides whether someone holding `roles` over the evaluation may take `action` now. */
export const decideTransition = (
  from: EvaluationStatus,
  action: WorkflowAction,
  roles: readonly Role[],
  reason = '',
): TransitionDecision => {
  const found = WORKFLOW_RULES.find((candidate) => candidate.action === action && candidate.from === from);
  if (!found) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `评价当前状态为“${STATUS_LABELS[from]}”，不能执行“${ACTION_LABELS[action]}”`,
    };
  }
  if (!found.roles.some((role) => roles.includes(role))) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: `“${ACTION_LABELS[action]}”需要以下角色之一：${found.roles.map((role) => ROLE_LABELS[role]).join('、')}`,
    };
  }
  if (found.reasonRequired && meaningfulText(reason) === '') {
    return { ok: false, code: 'VALIDATION_FAILED', message: `“${ACTION_LABELS[action]}”必须填写原因` };
  }
  return { ok: true, rule: found };
};

/** As `decideTransition`, throwing the AppError of a refusal. */
export const assertTransition = (
  from: EvaluationStatus,
  action: WorkflowAction,
  roles: readonly Role[],
  reason = '',
): WorkflowRule => {
  const decision = decideTransition(from, action, roles, reason);
  if (!decision.ok) throw new AppError(decision.code, decision.message, { from, action });
  return decision.rule;
};

/** The actions someone holding `roles` can take from `status`, for buttons and API hints. */
export const availableActions = (status: EvaluationStatus, roles: readonly Role[]): WorkflowAction[] =>
  WORKFLOW_RULES.filter((item) => item.from === status && item.roles.some((role) => roles.includes(role))).map(
    (item) => item.action,
  );
