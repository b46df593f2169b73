import type { EvaluationAppealsView } from '@jixiao/core';
import { listAppealsOfEvaluation } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation } from '../evaluations/evaluation-view.ts';
import { loadAppealState, toEvaluationAppealsView } from './appeal-state.ts';
import { loadAppealViews } from './load-appeal-views.ts';

/** An evaluation's appeals, whether one may be filed now and until when, for whoever may see the evaluation. */
export const getEvaluationAppeals = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<EvaluationAppealsView> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const appeals = await listAppealsOfEvaluation(ctx.db, evaluation.id);
  const state = await loadAppealState(ctx.db, tree, evaluation, appeals, ctx.now());
  return toEvaluationAppealsView(state, await loadAppealViews(ctx.db, tree, appeals, { evaluation }));
};
