import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 公开 (publish): the finance bureau publishes an approved evaluation. */
export const publishEvaluation = (ctx: ServiceContext, actor: Actor, input: TransitionInput): Promise<EvaluationView> =>
  transitionEvaluation(ctx, actor, 'publish', input);
