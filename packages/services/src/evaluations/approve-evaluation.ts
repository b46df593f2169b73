import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 通过 (approve): the reviewer of the current stage sends it on; the finance bureau's approval is final. */
export const approveEvaluation = (ctx: ServiceContext, actor: Actor, input: TransitionInput): Promise<EvaluationView> =>
  transitionEvaluation(ctx, actor, 'approve', input);
