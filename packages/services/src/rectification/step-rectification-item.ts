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
  checkedRectificationDeadline,
  loadVisibleRectificationItem,
  todayOf,
  toRectificationItemView,
} from './rectification-item-view.ts';

/** Every step but 撤销, which has its own use case (cancelRectificationItem: who may take it is narrower). */
export type RectificationStepAction = Exclude<RectificationAction, 'cancel'>;

export type StepRectificationItemInput = {
  itemId: string;
  action: RectificationStepAction;
  /** Why it is returned or closed (required for those); a note for the others is kept as the progress note. */
  reason?: string | undefined;
  /** The unit's account of what has been done (start, update, submit). */
  progressNote?: string | undefined;
  /** What a reviewer's revise changes; each left out stays as it is. */
  description?: string | undefined;
  measure?: string | undefined;
  deadline?: string | undefined;
  expectedVersion?: number | undefined;
};

type Revision = Pick<StepRectificationItemInput, 'description' | 'measure' | 'deadline'>;

/** A reviewer's revise: the fields given, checked; nothing given is refused rather than audited as a change. */
const revisedFields = (item: RectificationItem, revision: Revision, today: string): RectificationItemChanges => {
  const changes: RectificationItemChanges = {};
  if (revision.description !== undefined) {
    const description = meaningfulText(revision.description);
    if (description === '') throw new AppError('VALIDATION_FAILED', '请填写整改事项的问题描述');
    if (description !== item.description) changes.description = description;
  }
  if (revision.measure !== undefined && meaningfulText(revision.measure) !== item.measure) {
    changes.measure = meaningfulText(revision.measure);
  }
  if (revision.deadline !== undefined && revision.deadline !== item.deadline) {
    changes.deadline = checkedRectificationDeadline(revision.deadline, today);
  }
  if (Object.keys(changes).length === 0) throw new AppError('VALIDATION_FAILED', '没有需要修改的内容');
  return changes;
};

/** The values a revise replaced, for the audit entry. */
const revisedBefore = (item: RectificationItem, changes: RectificationItemChanges): Record<string, string> =>
  Object.fromEntries(
    (['description', 'measure', 'deadline'] as const)
      .filter((field) => field in changes)
      .map((field) => [field, item[field]]),
  );

const changesOf = async (
  trx: Db,
  actor: Actor,
  item: RectificationItem,
  action: RectificationStepAction,
  text: { reason: string; progressNote: string },
  revision: Revision,
  now: Date,
  today: string,
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
    case 'revise':
      return revisedFields(item, revision, today);
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
    const today = todayOf(ctx.now);
    const changes = await changesOf(trx, actor, item, input.action, { reason, progressNote }, input, now, today);
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
      details: {
        version: updated.version,
        ...(progressNote === '' ? {} : { progressNote }),
        ...(input.action === 'revise' ? { before: revisedBefore(item, changes), after: changes } : {}),
      },
    });
    return toRectificationItemView(updated, tree, actor, today);
  });
