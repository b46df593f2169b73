import type { Actor, ServiceContext } from '../context.ts';
import { publishedChanged } from '../public/published-cache.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 公开 (publish): the finance bureau publishes an approved evaluation; the portal shows it at once. */
export const publishEvaluation = async (
  ctx: ServiceContext,
  actor: Actor,
  input: TransitionInput,
): Promise<EvaluationView> => {
  const view = await transitionEvaluation(ctx, actor, 'publish', input);
  publishedChanged(ctx);
  return view;
};
