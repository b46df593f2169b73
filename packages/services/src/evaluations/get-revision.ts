import { AppError, type EvaluationForm, type EvaluationResult } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  loadVisibleEvaluation,
  type RevisionView,
  revisionForm,
  revisionResult,
  toRevisionView,
} from './evaluation-view.ts';

export type RevisionDetail = RevisionView & { form: EvaluationForm; result: EvaluationResult };

/** One stored revision (any, not only the current one) with its form and score, for whoever may see the evaluation. */
export const getRevision = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { evaluationId: string; revisionId: string },
): Promise<RevisionDetail> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, input.evaluationId);
  const revision = await findRevision(ctx.db, input.revisionId);
  if (revision?.evaluation_id !== evaluation.id) throw new AppError('NOT_FOUND', '该版本不存在');
  return { ...toRevisionView(revision), form: revisionForm(revision), result: revisionResult(revision) };
};
