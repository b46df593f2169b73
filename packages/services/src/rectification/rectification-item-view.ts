import {
  AppError,
  availableRectificationActions,
  chinaDate,
  isCalendarDate,
  isRectificationOverdue,
  mayCancelRectification,
  RECTIFICATION_REVIEWER_ROLES,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RectificationAction,
  type RectificationItemView,
  type Role,
} from '@jixiao/core';
import { type Db, findRectificationItem, findRectificationItemForUpdate, type RectificationItem } from '@jixiao/db';
import { canSee, effectiveRoles, type OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';
import { organizationNames } from '../evaluations/evaluation-view.ts';

export type { RectificationItemView } from '@jixiao/core';

/** The steps the actor may take now; 撤销 only for the bureau or the reviewer who registered the item. */
const actionsOf = (item: RectificationItem, roles: readonly Role[], actor: Actor): RectificationAction[] =>
  availableRectificationActions(item.status, roles).filter(
    (action) => action !== 'cancel' || mayCancelRectification(roles, item.created_by === actor.userId),
  );

export const toRectificationItemView = (
  item: RectificationItem,
  tree: OrganizationTree,
  actor: Actor,
  today: string,
): RectificationItemView => ({
  id: item.id,
  ...organizationNames(tree, item.organization_id),
  organizationId: item.organization_id,
  evaluationId: item.evaluation_id,
  fiscalYear: item.fiscal_year,
  projectName: item.project_name,
  sourceKind: item.source_kind,
  sourceKindLabel: RECTIFICATION_SOURCE_LABELS[item.source_kind],
  sourceText: item.source_text,
  sourceRef: item.source_ref,
  description: item.description,
  measure: item.measure,
  deadline: item.deadline,
  status: item.status,
  statusLabel: RECTIFICATION_STATUS_LABELS[item.status],
  overdue: isRectificationOverdue(item, today),
  progressNote: item.progress_note,
  closingReason: item.closing_reason,
  createdBy: item.created_by,
  createdAt: item.created_at.toISOString(),
  updatedAt: item.updated_at.toISOString(),
  closedBy: item.closed_by,
  closedAt: item.closed_at?.toISOString() ?? null,
  cancelReason: item.cancel_reason,
  cancelledBy: item.cancelled_by,
  cancelledAt: item.cancelled_at?.toISOString() ?? null,
  version: item.version,
  actions: actionsOf(item, effectiveRoles(actor, tree, item.organization_id), actor),
});

/** Today's date in China for the service clock: deadlines are calendar days. */
export const todayOf = (now: () => Date): string => chinaDate(now());

export const isRectificationReviewerOf = (actor: Actor, tree: OrganizationTree, organizationId: string): boolean =>
  effectiveRoles(actor, tree, organizationId).some((role: Role) => RECTIFICATION_REVIEWER_ROLES.includes(role));

/** Reviewers (主管部门 over their units, 财政局 over all) create and close items; units may not. */
export const requireRectificationReviewer = (actor: Actor, tree: OrganizationTree, organizationId: string): void => {
  if (!isRectificationReviewerOf(actor, tree, organizationId)) {
    throw new AppError('FORBIDDEN', '只有主管部门或财政局的审核人员可以登记和验收该单位的整改事项');
  }
};

const NOT_FOUND_MESSAGE = '整改事项不存在或无权查看';

/**
 * The item if the actor may see it (its unit's people and those above). An invisible item is reported as
 * missing, so ids of other units' items cannot be probed.
 */
export const loadVisibleRectificationItem = async (
  db: Db,
  actor: Actor,
  tree: OrganizationTree,
  id: string,
  { forUpdate = false } = {},
): Promise<RectificationItem> => {
  const item = forUpdate ? await findRectificationItemForUpdate(db, id) : await findRectificationItem(db, id);
  if (!item || !canSee(actor, tree, item.organization_id)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return item;
};

export const assertRectificationVersion = (item: RectificationItem, expectedVersion: number | undefined): void => {
  if (expectedVersion === undefined || expectedVersion === item.version) return;
  throw new AppError(
    'CONFLICT',
    `该整改事项已被他人修改（当前版本 ${item.version}，您看到的是版本 ${expectedVersion}），请刷新后重试`,
    { currentVersion: item.version, expectedVersion },
  );
};

/** A deadline as registered or moved: a real calendar day, not before today. */
export const checkedRectificationDeadline = (deadline: string, today: string): string => {
  if (!isCalendarDate(deadline)) throw new AppError('VALIDATION_FAILED', '整改期限应为有效日期（如 2026-06-30）');
  if (deadline < today) throw new AppError('VALIDATION_FAILED', `整改期限不能早于今天（${today}）`);
  return deadline;
};
