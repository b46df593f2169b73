import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/**
 * 撤回送审: the unit's filler takes a submission back to draft before the unit's approver has acted on it (once
 * anyone has, only a return sends it back). The submitted revision stays in the history.
 */
export const withdrawEvaluation = (
  ctx: ServiceContext,
  actor: Actor,
  input: TransitionInput,
): Promise<EvaluationView> => transitionEvaluation(ctx, actor, 'withdraw', input);
