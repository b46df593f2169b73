import { randomUUID } from 'node:crypto';
import { AppError, type AppealView, meaningfulText } from '@jixiao/core';
import { insertAppeal, listAppealsOfEvaluation } from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation } from '../evaluations/evaluation-view.ts';
import { storeEvidenceFile } from '../evidence/store-evidence-file.ts';
import { loadAppealState } from './appeal-state.ts';
import { loadAppealViews } from './load-appeal-views.ts';

export const MAX_APPEAL_FILES = 10;

export type FileAppealInput = {
  evaluationId: string;
  reasons: string;
  files: { fileName: string; bytes: Uint8Array }[];
};

const ONE_PENDING_MESSAGE = '该自评已有一件待复议的申诉，请等待复议结果';

/** The partial unique index appeals_one_pending_idx refused a second pending appeal (a concurrent filing). */
const isOnePendingViolation = (error: unknown): boolean => {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return (
    code === '23505' &&
    (constraint === 'appeals_one_pending_idx' || String(message).includes('appeals_one_pending_idx'))
  );
};

/**
 * 申诉: the evaluation's own unit contests the bureau's standing decision (a return, or an approval whose 复核
 * score differs from the stated total) within the bureau's period, with reasons and evidence files. One appeal
 * waits for a ruling at a time.
 */
export const fileAppeal = async (ctx: ServiceContext, actor: Actor, input: FileAppealInput): Promise<AppealView> => {
  const reasons = meaningfulText(input.reasons);
  if (reasons === '') throw new AppError('VALIDATION_FAILED', '申诉必须写明理由', { fields: { reasons: '必填' } });
  if (input.files.length > MAX_APPEAL_FILES)
    throw new AppError('VALIDATION_FAILED', `申诉材料最多 ${MAX_APPEAL_FILES} 个文件`, { fields: { files: '过多' } });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tree = await loadOrganizationTree(trx);
      const evaluation = await loadVisibleEvaluation(trx, actor, tree, input.evaluationId, { forUpdate: true });
      const roles = effectiveRoles(actor, tree, evaluation.organization_id);
      if (!roles.includes('unit_filler') && !roles.includes('unit_approver'))
        throw new AppError('FORBIDDEN', '只有本单位的填报或审核人员可以申诉');
      const now = ctx.now();
      const state = await loadAppealState(
        trx,
        tree,
        evaluation,
        await listAppealsOfEvaluation(trx, evaluation.id),
        now,
      );
      if (state.blockedCode !== null || !state.review)
        throw new AppError(state.blockedCode ?? 'INVALID_TRANSITION', state.blockedReason ?? undefined);
      const appeal = await insertAppeal(trx, {
        id: randomUUID(),
        organization_id: evaluation.organization_id,
        evaluation_id: evaluation.id,
        review_id: state.review.id,
        reasons,
        status: 'pending',
        original_score: evaluation.total_score,
        original_grade: evaluation.grade,
        filed_by: actor.userId,
        filed_at: now,
      });
      const stored = [];
      for (const file of input.files) {
        stored.push(
          await storeEvidenceFile(trx, {
            organizationId: evaluation.organization_id,
            evaluationId: evaluation.id,
            subject: { kind: 'appeal', appealId: appeal.id },
            fileName: file.fileName,
            bytes: file.bytes,
            createdBy: actor.userId,
            now,
          }),
        );
      }
      await recordAudit(ctx, trx, {
        organizationId: evaluation.organization_id,
        actorId: actor.userId,
        action: 'appeal.file',
        entityType: 'appeal',
        entityId: appeal.id,
        fromStatus: null,
        toStatus: 'pending',
        reason: reasons,
        details: {
          evaluationId: evaluation.id,
          reviewId: state.review.id,
          decision: state.review.decision,
          deadline: state.deadline,
          originalScore: evaluation.total_score,
          files: stored.map((file) => ({ id: file.id, fileName: file.file_name, sha256: file.sha256 })),
        },
      });
      const [view] = await loadAppealViews(trx, tree, [appeal], { evaluation });
      if (!view) throw new AppError('INTERNAL');
      return view;
    });
  } catch (error) {
    if (isOnePendingViolation(error)) throw new AppError('CONFLICT', ONE_PENDING_MESSAGE);
    throw error;
  }
};
