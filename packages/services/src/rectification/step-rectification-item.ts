import {
  AppError,
  assertRectificationStep,
  meaningfulText,
  type RectificationAction,
  type RectificationItemView,
} from '@jixiao/core';
import {
  countRectificationEvidence,
  type Db,
  type RectificationItem,
  type RectificationItemChanges,
  updateRectificationItemIfVersion,
} from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  assertRectificationVersion,
  loadVisibleRectificationItem,
  todayOf,
  toRectificationItemView,
} from './rectification-item-view.ts';

export type StepRectificationItemInput = {
  itemId: string;
  action: RectificationAction;
  /** Why it is returned or closed (required for those); a note for the others is kept as the progress note. */
  reason?: string | undefined;
  /** The unit's account of what has been done (start, update, submit). */
  progressNote?: string | undefined;
  expectedVersion?: number | undefined;
};

const changesOf = async (
  trx: Db,
  actor: Actor,
  item: RectificationItem,
  action: RectificationAction,
  text: { reason: string; progressNote: string },
  now: Date,
): Promise<RectificationItemChanges> => {
  const progress = text.progressNote === '' ? {} : { progress_note: text.progressNote };
  switch (action) {
    case 'start':
      return { ...progress, status: 'in_progress' };
    case 'update':
      if (text.progressNote === '') throw new AppError('VALIDATION_FAILED', '请填写整改进展');
      return progress;
    case 'submit': {
      if ((await countRectificationEvidence(trx, item.id)) === 0) {
        throw new AppError('VALIDATION_FAILED', '请先上传整改佐证材料，再提交验收');
      }
      const note = text.progressNote === '' ? item.progress_note : text.progressNote;
      if (meaningfulText(note) === '') throw new AppError('VALIDATION_FAILED', '请填写整改完成情况');
      return { ...progress, status: 'submitted' };
    }
    case 'return':
      return { status: 'in_progress', closing_reason: null };
    case 'close':
      return { status: 'closed', closing_reason: text.reason, closed_by: actor.userId, closed_at: now };
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
};

/**
 * One step of an item: the unit starts it, records progress and submits it with evidence; the reviewer over the
 * unit returns it (with a reason) or closes it (with the closing decision). Version-checked and audited, in one
 * transaction.
 */
export const stepRectificationItem = (
  ctx: ServiceContext,
  actor: Actor,
  input: StepRectificationItemInput,
): Promise<RectificationItemView> =>
  ctx.db.transaction().execute(async (trx) => {
    const reason = meaningfulText(input.reason ?? '');
    const progressNote = meaningfulText(input.progressNote ?? '');
    const tree = await loadOrganizationTree(trx);
    const item = await loadVisibleRectificationItem(trx, actor, tree, input.itemId, { forUpdate: true });
    const to = assertRectificationStep(
      item.status,
      input.action,
      effectiveRoles(actor, tree, item.organization_id),
      reason,
    );
    assertRectificationVersion(item, input.expectedVersion);
    const now = ctx.now();
    const changes = await changesOf(trx, actor, item, input.action, { reason, progressNote }, now);
    const updated = await updateRectificationItemIfVersion(trx, item.id, item.version, {
      ...changes,
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(ctx, trx, {
      organizationId: item.organization_id,
      actorId: actor.userId,
      action: `rectification.${input.action}`,
      entityType: 'rectification_item',
      entityId: item.id,
      fromStatus: item.status,
      toStatus: to,
      reason: reason === '' ? null : reason,
      details: { version: updated.version, ...(progressNote === '' ? {} : { progressNote }) },
    });
    return toRectificationItemView(updated, tree, actor, todayOf(ctx.now));
  });
