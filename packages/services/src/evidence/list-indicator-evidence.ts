import type { EvidenceFileView } from '@jixiao/core';
import { listIndicatorEvidence as listIndicatorEvidenceRows } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation } from '../evaluations/evaluation-view.ts';
import { toEvidenceFileView } from './evidence-view.ts';

/** An evaluation's 佐证材料, for whoever may see the evaluation (its unit and the reviewers over it). */
export const listIndicatorEvidence = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<EvidenceFileView[]> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  return (await listIndicatorEvidenceRows(ctx.db, evaluation.id)).map(toEvidenceFileView);
};
