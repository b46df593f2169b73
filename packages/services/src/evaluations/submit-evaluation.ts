import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 送审 (submit): the unit sends a draft or returned evaluation for review, frozen as a new submitted revision. */
export const submitEvaluation = (ctx: ServiceContext, actor: Actor, input: TransitionInput): Promise<EvaluationView> =>
  transitionEvaluation(ctx, actor, 'submit', input);
