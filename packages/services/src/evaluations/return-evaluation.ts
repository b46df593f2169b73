import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 退回 (return): a reviewer sends it back with a reason; the unit may edit and resubmit. */
export const returnEvaluation = (ctx: ServiceContext, actor: Actor, input: TransitionInput): Promise<EvaluationView> =>
  transitionEvaluation(ctx, actor, 'return', input);
