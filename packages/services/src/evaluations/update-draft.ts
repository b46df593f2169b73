import { AppError, assertTransition, type EvaluationForm, meaningfulText } from '@jixiao/core';
import type { Db } from '@jixiao/db';
import { effectiveRoles } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { assertStorableForm, type DraftSource } from './create-draft.ts';
import { assertVersion, type EvaluationView, lockVisibleEvaluation, viewOf } from './evaluation-view.ts';
import { saveRevision } from './write-revision.ts';

export type UpdateDraftInput = { evaluationId: string; expectedVersion: number; form: EvaluationForm };

export const updateDraftIn = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  input: UpdateDraftInput,
  source: DraftSource,
): Promise<EvaluationView> => {
  const form = assertStorableForm(input.form);
  const { evaluation, ancestry } = await lockVisibleEvaluation(trx, actor, input.evaluationId);
  assertTransition(evaluation.status, 'edit', effectiveRoles(actor, ancestry, evaluation.organization_id));
  assertVersion(evaluation, input.expectedVersion);
  if (form.fiscalYear !== evaluation.fiscal_year) {
    throw new AppError('VALIDATION_FAILED', `预算年度不能修改（本自评为 ${evaluation.fiscal_year} 年度）`, {
      fields: { 'form.fiscalYear': '不能修改' },
    });
  }
  const now = ctx.now();
  const { revisionId, updated } = await saveRevision(trx, evaluation, form, source, actor.userId, now, {
    project_name: meaningfulText(form.projectName),
    updated_at: now,
  });
  await recordAudit(ctx, trx, {
    organizationId: evaluation.organization_id,
    actorId: actor.userId,
    action: source.kind === 'import' ? 'evaluation.reimport' : 'evaluation.edit',
    entityType: 'evaluation',
    entityId: evaluation.id,
    fromStatus: evaluation.status,
    toStatus: evaluation.status,
    details: { revisionId, version: updated.version, fileName: source.fileName },
  });
  return viewOf(updated, ancestry);
};

/** Saves an edited form as a new revision, if nobody saved since `expectedVersion` (else CONFLICT, nothing lost). */
export const updateDraft = async (
  ctx: ServiceContext,
  actor: Actor,
  input: UpdateDraftInput,
): Promise<EvaluationView> =>
  ctx.db.transaction().execute((trx) => updateDraftIn(ctx, trx, actor, input, { kind: 'draft', fileName: null }));
