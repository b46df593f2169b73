import { AppError } from '@jixiao/core';
import { deleteEvidenceFile, findAttachment } from '@jixiao/db';
import { canSee, effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation } from '../evaluations/evaluation-view.ts';
import { assertMayEditEvidence } from './attach-indicator-evidence.ts';

/** Removes one indicator's 佐证材料 file while its evaluation is editable by the actor's unit. */
export const deleteIndicatorEvidence = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { evaluationId: string; attachmentId: string },
): Promise<void> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const evaluation = await loadVisibleEvaluation(trx, actor, tree, input.evaluationId, { forUpdate: true });
    const file = await findAttachment(trx, input.attachmentId);
    if (
      !file ||
      file.evaluation_id !== evaluation.id ||
      file.purpose !== 'indicator_evidence' ||
      !canSee(actor, tree, file.organization_id)
    )
      throw new AppError('NOT_FOUND', '佐证材料不存在或无权查看');
    assertMayEditEvidence(effectiveRoles(actor, tree, evaluation.organization_id), evaluation.status);
    await deleteEvidenceFile(trx, file.id);
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: actor.userId,
      action: 'evidence.delete',
      entityType: 'evaluation',
      entityId: evaluation.id,
      details: {
        attachmentId: file.id,
        indicatorName: file.indicator_name,
        fileName: file.file_name,
        sha256: file.sha256,
      },
    });
  });
