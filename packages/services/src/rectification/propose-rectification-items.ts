import { AppError, proposeProblemMeasures, type RectificationProposal } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation, revisionForm } from '../evaluations/evaluation-view.ts';
import { requireRectificationReviewer } from './rectification-item-view.ts';

/**
 * 从问题生成: the problems of the evaluation's 存在的问题 section, each with the 下一步改进措施 measure that matches
 * it, offered to a reviewer over the unit to pick and edit before they become items.
 */
export const proposeRectificationItems = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<RectificationProposal[]> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  requireRectificationReviewer(actor, tree, evaluation.organization_id);
  if (!evaluation.current_revision_id) return [];
  const revision = await findRevision(ctx.db, evaluation.current_revision_id);
  if (!revision) throw new AppError('NOT_FOUND', '当前版本不存在');
  return proposeProblemMeasures(revisionForm(revision).narrative);
};
