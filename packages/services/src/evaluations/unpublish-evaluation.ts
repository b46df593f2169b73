import type { Actor, ServiceContext } from '../context.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { type TransitionInput, transitionEvaluation } from './transition-evaluation.ts';

/** 撤回公开 (unpublish): the finance bureau withdraws a publication, with a reason. */
export const unpublishEvaluation = (
  ctx: ServiceContext,
  actor: Actor,
  input: TransitionInput,
): Promise<EvaluationView> => transitionEvaluation(ctx, actor, 'unpublish', input);
