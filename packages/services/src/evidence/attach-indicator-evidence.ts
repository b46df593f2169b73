import { AppError, type EvidenceFileView, isEditableStatus, meaningfulText } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation, revisionForm } from '../evaluations/evaluation-view.ts';
import { toEvidenceFileView } from './evidence-view.ts';
import { storeEvidenceFile } from './store-evidence-file.ts';

export type AttachIndicatorEvidenceInput = {
  evaluationId: string;
  indicatorName: string;
  fileName: string;
  bytes: Uint8Array;
};

/** Who may change an evaluation's evidence: its own unit, while the evaluation is a draft or returned to it. */
export const assertMayEditEvidence = (roles: readonly string[], status: Parameters<typeof isEditableStatus>[0]) => {
  if (!roles.includes('unit_filler') && !roles.includes('unit_approver'))
    throw new AppError('FORBIDDEN', '只有本单位的填报或审核人员可以管理佐证材料');
  if (!isEditableStatus(status))
    throw new AppError('INVALID_TRANSITION', '自评已送审，佐证材料不能再增删；退回后可以修改');
};

/**
 * Attaches one 佐证材料 file to an indicator row (its 三级指标 name in the current form) of an editable
 * evaluation of the actor's own unit. The file goes through storeEvidenceFile's guards; the audit log records it.
 */
export const attachIndicatorEvidence = async (
  ctx: ServiceContext,
  actor: Actor,
  input: AttachIndicatorEvidenceInput,
): Promise<EvidenceFileView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const evaluation = await loadVisibleEvaluation(trx, actor, tree, input.evaluationId, { forUpdate: true });
    assertMayEditEvidence(effectiveRoles(actor, tree, evaluation.organization_id), evaluation.status);
    const indicatorName = meaningfulText(input.indicatorName);
    const current = evaluation.current_revision_id
      ? await findRevision(trx, evaluation.current_revision_id)
      : undefined;
    const names = new Set(current ? revisionForm(current).indicators.map((row) => meaningfulText(row.name)) : []);
    if (indicatorName === '' || !names.has(indicatorName))
      throw new AppError(
        'VALIDATION_FAILED',
        `自评表中没有名为“${indicatorName}”的三级指标，请先保存指标再上传佐证材料`,
        {
          fields: { indicatorName: '不在自评表中' },
        },
      );
    const stored = await storeEvidenceFile(trx, {
      organizationId: evaluation.organization_id,
      evaluationId: evaluation.id,
      subject: { kind: 'indicator', indicatorName },
      fileName: input.fileName,
      bytes: input.bytes,
      createdBy: actor.userId,
      now: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: actor.userId,
      action: 'evidence.attach',
      entityType: 'evaluation',
      entityId: evaluation.id,
      details: {
        attachmentId: stored.id,
        indicatorName,
        fileName: stored.file_name,
        sha256: stored.sha256,
        sizeBytes: stored.size_bytes,
      },
    });
    return toEvidenceFileView(stored);
  });
