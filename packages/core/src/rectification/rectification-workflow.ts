import { AppError } from '../errors.ts';
import { meaningfulText } from '../util/meaningful-text.ts';
import type { Role } from '../workflow/workflow.ts';

/**
 * 整改 (rectification) items as data: an item moves open → in_progress → submitted → closed; the reviewer may
 * send a submitted item back to in_progress with a reason, or cancel (撤销) one registered by mistake before it is
 * closed. Reviewers create and close items for the units they oversee; the owner unit does the work in between.
 * Pure; the services check organisations and write the log.
 */
export const RECTIFICATION_STATUSES = ['open', 'in_progress', 'submitted', 'closed', 'cancelled'] as const;
export type RectificationStatusName = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_SOURCE_KINDS = ['problem', 'review_comment', 'finding', 'feedback', 'manual'] as const;
export type RectificationSourceKindName = (typeof RECTIFICATION_SOURCE_KINDS)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatusName, string> = {
  open: '待整改',
  in_progress: '整改中',
  submitted: '待验收',
  closed: '已销号',
  cancelled: '已撤销',
};

export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSourceKindName, string> = {
  problem: '自评报告存在的问题',
  review_comment: '审核意见',
  finding: '审核发现',
  feedback: '公众反馈',
  manual: '手工登记',
};

export const RECTIFICATION_ACTIONS = ['start', 'update', 'submit', 'return', 'close', 'revise', 'cancel'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = {
  start: '开始整改',
  update: '更新进展',
  submit: '提交整改材料',
  return: '退回继续整改',
  close: '验收销号',
  revise: '修改事项或期限',
  cancel: '撤销事项',
};

/** The roles that create, return and close items (over the units they oversee). */
export const RECTIFICATION_REVIEWER_ROLES: readonly Role[] = ['department_reviewer', 'finance_reviewer'];
/** The roles of the owner unit that work an item. */
export const RECTIFICATION_UNIT_ROLES: readonly Role[] = ['unit_filler', 'unit_approver'];

type RectificationRule = {
  action: RectificationAction;
  from: readonly RectificationStatusName[];
  to: RectificationStatusName | 'same';
  roles: readonly Role[];
  reasonRequired: boolean;
};

export const RECTIFICATION_RULES: readonly RectificationRule[] = [
  { action: 'start', from: ['open'], to: 'in_progress', roles: RECTIFICATION_UNIT_ROLES, reasonRequired: false },
  {
    action: 'update',
    from: ['open', 'in_progress'],
    to: 'same',
    roles: RECTIFICATION_UNIT_ROLES,
    reasonRequired: false,
  },
  { action: 'submit', from: ['in_progress'], to: 'submitted', roles: RECTIFICATION_UNIT_ROLES, reasonRequired: false },
  {
    action: 'return',
    from: ['submitted'],
    to: 'in_progress',
    roles: RECTIFICATION_REVIEWER_ROLES,
    reasonRequired: true,
  },
  {
    action: 'close',
    from: ['submitted'],
    to: 'closed',
    roles: RECTIFICATION_REVIEWER_ROLES,
    reasonRequired: true,
  },
  // The reviewer may reword an item or move its deadline (an extension) until it is closed, saying why.
  {
    action: 'revise',
    from: ['open', 'in_progress', 'submitted'],
    to: 'same',
    roles: RECTIFICATION_REVIEWER_ROLES,
    reasonRequired: true,
  },
  // An item registered by mistake (a duplicate, the wrong unit or project) is withdrawn, not deleted: it stays
  // with its history, out of the unit's work. Closed items are settled and stay so.
  {
    action: 'cancel',
    from: ['open', 'in_progress', 'submitted'],
    to: 'cancelled',
    roles: RECTIFICATION_REVIEWER_ROLES,
    reasonRequired: true,
  },
];

/**
 * Who may cancel an item: the 财政局, or the reviewer who registered it — a 主管部门 reviewer does not withdraw an
 * item the bureau or a colleague registered. `roles` are the actor's roles on the item's unit.
 */
export const mayCancelRectification = (roles: readonly Role[], registeredByActor: boolean): boolean =>
  roles.includes('finance_reviewer') ||
  (registeredByActor && RECTIFICATION_REVIEWER_ROLES.some((role) => roles.includes(role)));

/** Closed (销号) or cancelled (撤销): nothing is left to do on the item; it raises no finding and is never late. */
export const isRectificationSettled = (status: RectificationStatusName): boolean =>
  status === 'closed' || status === 'cancelled';

const ruleOf = (action: RectificationAction): RectificationRule => {
  const found = RECTIFICATION_RULES.find((candidate) => candidate.action === action);
  if (!found) throw new Error(`unknown rectification action ${action}`);
  return found;
};

/**
 * Checks one step and returns the status it leads to: FORBIDDEN when none of the actor's roles on the item's
 * unit may take it, INVALID_TRANSITION from a status it does not apply to, VALIDATION_FAILED without a reason
 * where one is required.
 */
export const assertRectificationStep = (
  status: RectificationStatusName,
  action: RectificationAction,
  roles: readonly Role[],
  reason: string,
): RectificationStatusName => {
  const rule = ruleOf(action);
  if (!rule.roles.some((role) => roles.includes(role))) {
    throw new AppError('FORBIDDEN', `无权对该整改事项执行“${RECTIFICATION_ACTION_LABELS[action]}”`);
  }
  if (!rule.from.includes(status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `整改事项当前为“${RECTIFICATION_STATUS_LABELS[status]}”，不能“${RECTIFICATION_ACTION_LABELS[action]}”`,
    );
  }
  if (rule.reasonRequired && meaningfulText(reason) === '') {
    throw new AppError('VALIDATION_FAILED', `请填写“${RECTIFICATION_ACTION_LABELS[action]}”的理由`);
  }
  return rule.to === 'same' ? status : rule.to;
};

/** The actions the given roles may take on an item in this status (for the UI's buttons). */
export const availableRectificationActions = (
  status: RectificationStatusName,
  roles: readonly Role[],
): RectificationAction[] =>
  RECTIFICATION_RULES.filter(
    (rule) => rule.from.includes(status) && rule.roles.some((role) => roles.includes(role)),
  ).map((rule) => rule.action);

/** Whether text is a real calendar date written 'YYYY-MM-DD' (2025-02-30 is not). */
export const isCalendarDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
};

/** Overdue: not settled and its deadline day has passed (the deadline day itself is still in time). */
export const isRectificationOverdue = (
  item: { status: RectificationStatusName; deadline: string },
  today: string,
): boolean => !isRectificationSettled(item.status) && item.deadline < today;
