import type { EvaluationView, Me } from '../api/types.ts';
import { isReviewer } from '../auth/session.ts';

/** Where a person goes to act on an evaluation: fillers edit, reviewers review. */
export const evaluationLink = (me: Me, evaluation: Pick<EvaluationView, 'id' | 'status'>): string =>
  isReviewer(me) && evaluation.status !== 'draft' && evaluation.status !== 'returned'
    ? `/app/review/${evaluation.id}`
    : `/app/evaluations/${evaluation.id}`;
