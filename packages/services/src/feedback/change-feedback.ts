import { AppError } from '@jixiao/core';
import { type Db, findFeedbackListRow, type PublicFeedback } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type FeedbackAccess, feedbackAccess, loadFeedbackFor } from './feedback-access.ts';
import { type FeedbackView, feedbackViewOf } from './feedback-view.ts';

export type FeedbackChange = {
  /** The audit action after 'public_feedback.'. */
  action: string;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/**
 * One staff action on a message, in one transaction: loads it locked for an actor allowed to act `as`, lets
 * `apply` check its state and write, records the audit entry, and returns the message as the actor sees it.
 */
export const changeFeedback = async (
  ctx: ServiceContext,
  actor: Actor,
  feedbackId: string,
  as: keyof FeedbackAccess,
  apply: (trx: Db, feedback: PublicFeedback) => Promise<{ updated: PublicFeedback; change: FeedbackChange }>,
): Promise<FeedbackView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const feedback = await loadFeedbackFor(trx, actor, tree, feedbackId, as);
    const { updated, change } = await apply(trx, feedback);
    await recordAudit(ctx, trx, {
      organizationId: feedback.organization_id,
      actorId: actor.userId,
      action: `public_feedback.${change.action}`,
      entityType: 'public_feedback',
      entityId: feedback.id,
      fromStatus: feedback.status,
      toStatus: updated.status,
      reason: change.reason ?? null,
      details: { evaluationId: feedback.evaluation_id, ...change.details },
    });
    const row = await findFeedbackListRow(trx, feedback.id);
    if (!row) throw new AppError('NOT_FOUND', '反馈不存在');
    return feedbackViewOf(row, feedbackAccess(actor, tree, feedback.organization_id));
  });

export const requireStatus = (feedback: PublicFeedback, allowed: readonly PublicFeedback['status'][], what: string) => {
  if (!allowed.includes(feedback.status)) throw new AppError('INVALID_TRANSITION', `该反馈当前状态不能${what}`);
};
