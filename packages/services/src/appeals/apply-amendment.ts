import { randomUUID } from 'node:crypto';
import { AppError, type Grade } from '@jixiao/core';
import {
  type Appeal,
  type Db,
  type Evaluation,
  type EvaluationRevision,
  insertReview,
  type Review,
  replaceActivePublicView,
  updateEvaluationIfVersion,
} from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { activePublicView, withReconsideration } from './reconsideration.ts';

export type Amendment = {
  evaluation: Evaluation;
  review: Review;
  revision: EvaluationRevision | undefined;
  appeal: Appeal;
  amended: { score: number; grade: Grade } | null;
  reason: string;
};

/**
 * What an amending ruling does to the evaluation, in the ruling's transaction. A new score becomes the
 * evaluation's score. A ruling that changes a return the evaluation still stands under overturns it: the
 * revision the bureau returned is approved (the bureau's approval is recorded in the review history with the
 * ruling's reason), at the amended score or its own, and may then be published — with 经复议. A published page is
 * rewritten with the 经复议 note (the portal serves the stored page as is; the appeal row and the audit log keep
 * what it said before).
 */
export const applyAmendment = async (ctx: ServiceContext, trx: Db, actor: Actor, change: Amendment): Promise<void> => {
  const { evaluation, review, revision, appeal, amended, reason } = change;
  const now = ctx.now();
  const overturnsReturn = review.decision === 'returned' && evaluation.status === 'returned';
  if (amended || overturnsReturn) {
    const score = amended
      ? { total_score: amended.score, grade: amended.grade }
      : revision
        ? { total_score: revision.total_score, grade: revision.grade }
        : {};
    const updated = await updateEvaluationIfVersion(trx, evaluation.id, evaluation.version, {
      ...score,
      ...(overturnsReturn ? { status: 'approved' as const, current_revision_id: review.revision_id } : {}),
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT');
    if (overturnsReturn) {
      await insertReview(trx, {
        id: randomUUID(),
        organization_id: evaluation.organization_id,
        evaluation_id: evaluation.id,
        revision_id: review.revision_id,
        stage: 'finance_review',
        decision: 'approved',
        reason: `复议改变原退回决定：${reason}`,
        reviewer_id: actor.userId,
        created_at: now,
      });
    }
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: actor.userId,
      action: overturnsReturn ? 'evaluation.approve_on_appeal' : 'evaluation.amend_score',
      entityType: 'evaluation',
      entityId: evaluation.id,
      fromStatus: evaluation.status,
      toStatus: updated.status,
      reason,
      details: {
        appealId: appeal.id,
        fromScore: evaluation.total_score,
        fromGrade: evaluation.grade,
        toScore: updated.total_score,
        toGrade: updated.grade,
        revisionId: updated.current_revision_id,
        version: updated.version,
      },
    });
  }
  const published = await activePublicView(trx, evaluation.id);
  if (published)
    await replaceActivePublicView(trx, evaluation.id, JSON.stringify(withReconsideration(published, appeal)));
};
