import { randomUUID } from 'node:crypto';
import { AppError, meaningfulText, type RectificationSourceKindName } from '@jixiao/core';
import { type Db, findEvaluationById, insertRectificationItem } from '@jixiao/db';
import { canSee, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  checkedRectificationDeadline,
  type RectificationItemView,
  requireRectificationReviewer,
  todayOf,
  toRectificationItemView,
} from './rectification-item-view.ts';

export type CreateRectificationItemInput = {
  evaluationId: string;
  sourceKind: RectificationSourceKindName;
  /** The source as it read when the item was made (problem sentence, review reason, finding title, feedback). */
  sourceText?: string | undefined;
  /** The id of the review, finding code or feedback the item came from. */
  sourceRef?: string | undefined;
  description: string;
  measure?: string | undefined;
  /** 'YYYY-MM-DD' */
  deadline: string;
};

const create = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  input: CreateRectificationItemInput,
): Promise<RectificationItemView> => {
  const description = meaningfulText(input.description);
  if (description === '') throw new AppError('VALIDATION_FAILED', '请填写整改事项的问题描述');
  const tree = await loadOrganizationTree(trx);
  const evaluation = await findEvaluationById(trx, input.evaluationId);
  if (!evaluation || !canSee(actor, tree, evaluation.organization_id)) {
    throw new AppError('NOT_FOUND', '自评记录不存在或无权查看');
  }
  requireRectificationReviewer(actor, tree, evaluation.organization_id);
  const today = todayOf(ctx.now);
  const now = ctx.now();
  const item = await insertRectificationItem(trx, {
    id: randomUUID(),
    organization_id: evaluation.organization_id,
    evaluation_id: evaluation.id,
    fiscal_year: evaluation.fiscal_year,
    project_name: evaluation.project_name,
    source_kind: input.sourceKind,
    source_text: meaningfulText(input.sourceText ?? ''),
    source_ref: meaningfulText(input.sourceRef ?? ''),
    description,
    measure: meaningfulText(input.measure ?? ''),
    deadline: checkedRectificationDeadline(input.deadline, today),
    status: 'open',
    closing_reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    closed_by: null,
    closed_at: null,
    cancel_reason: null,
    cancelled_by: null,
    cancelled_at: null,
  });
  await recordAudit(ctx, trx, {
    organizationId: item.organization_id,
    actorId: actor.userId,
    action: 'rectification.create',
    entityType: 'rectification_item',
    entityId: item.id,
    fromStatus: null,
    toStatus: item.status,
    reason: null,
    details: {
      evaluationId: evaluation.id,
      sourceKind: item.source_kind,
      sourceRef: item.source_ref,
      description: item.description,
      measure: item.measure,
      deadline: item.deadline,
      version: item.version,
    },
  });
  return toRectificationItemView(item, tree, actor, today);
};

/**
 * 登记整改事项: a reviewer over the evaluation's unit records a problem to fix, with its source, measure and
 * deadline. Runs in `trx` when given (feedback turned into an item commits with the feedback's own change),
 * otherwise in its own transaction.
 */
export const createRectificationItem = (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateRectificationItemInput,
  trx?: Db,
): Promise<RectificationItemView> =>
  trx ? create(ctx, trx, actor, input) : ctx.db.transaction().execute((own) => create(ctx, own, actor, input));
