import type { Actor, ServiceContext } from '../context.ts';
import { publishedChanged } from '../public/published-cache.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 撤回公开 (unpublish): the finance bureau withdraws a publication, with a reason; the portal drops it at once. */
export const unpublishEvaluation = async (
  ctx: ServiceContext,
  actor: Actor,
  input: TransitionInput,
): Promise<EvaluationView> => {
  const view = await transitionEvaluation(ctx, actor, 'unpublish', input);
  publishedChanged(ctx);
  return view;
};
