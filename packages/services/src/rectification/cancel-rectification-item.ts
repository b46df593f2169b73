import {
  AppError,
  assertRectificationStep,
  mayCancelRectification,
  meaningfulText,
  type RectificationItemView,
} from '@jixiao/core';
import { updateRectificationItemIfVersion } from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  assertRectificationVersion,
  loadVisibleRectificationItem,
  todayOf,
  toRectificationItemView,
} from './rectification-item-view.ts';

export type CancelRectificationItemInput = {
  itemId: string;
  /** Why it was registered by mistake (a duplicate, the wrong unit or project); required. */
  reason: string;
  expectedVersion?: number | undefined;
};

/**
 * 撤销: the reviewer who registered an item, or the 财政局, withdraws it before it is closed, saying why. The item is
 * kept, marked cancelled: it leaves the unit's work, the overdue counts and next year's findings, and its history
 * stays readable. Version-checked and audited, in one transaction.
 */
export const cancelRectificationItem = (
  ctx: ServiceContext,
  actor: Actor,
  input: CancelRectificationItemInput,
): Promise<RectificationItemView> =>
  ctx.db.transaction().execute(async (trx) => {
    const reason = meaningfulText(input.reason);
    const tree = await loadOrganizationTree(trx);
    const item = await loadVisibleRectificationItem(trx, actor, tree, input.itemId, { forUpdate: true });
    const roles = effectiveRoles(actor, tree, item.organization_id);
    // Who may is decided before the item's state, so a refusal never tells a stranger where the item stands.
    if (!mayCancelRectification(roles, item.created_by === actor.userId)) {
      throw new AppError('FORBIDDEN', '只有登记该整改事项的审核人员或财政局审核人员可以撤销');
    }
    const to = assertRectificationStep(item.status, 'cancel', roles, reason);
    assertRectificationVersion(item, input.expectedVersion);
    const now = ctx.now();
    const updated = await updateRectificationItemIfVersion(trx, item.id, item.version, {
      status: 'cancelled',
      cancel_reason: reason,
      cancelled_by: actor.userId,
      cancelled_at: now,
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(ctx, trx, {
      organizationId: item.organization_id,
      actorId: actor.userId,
      action: 'rectification.cancel',
      entityType: 'rectification_item',
      entityId: item.id,
      fromStatus: item.status,
      toStatus: to,
      reason,
      details: { version: updated.version },
    });
    return toRectificationItemView(updated, tree, actor, todayOf(ctx.now));
  });
