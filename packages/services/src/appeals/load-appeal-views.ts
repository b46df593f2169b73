import type { AppealView } from '@jixiao/core';
import {
  type Appeal,
  appealParticipantNames,
  type Db,
  type Evaluation,
  findEvaluationById,
  findReview,
  listAppealEvidence,
  type Review,
} from '@jixiao/db';
import type { OrganizationTree } from '../access/organization-scope.ts';
import { toAppealView } from './appeal-state.ts';

/** Appeals as shown: with their evaluation, the decision appealed, the people's names and the evidence. */
export const loadAppealViews = async (
  db: Db,
  tree: OrganizationTree,
  appeals: readonly Appeal[],
  known: { evaluation?: Evaluation } = {},
): Promise<AppealView[]> => {
  if (appeals.length === 0) return [];
  const evaluations = new Map<string, Evaluation>();
  if (known.evaluation) evaluations.set(known.evaluation.id, known.evaluation);
  const reviews = new Map<string, Review>();
  for (const appeal of appeals) {
    if (!evaluations.has(appeal.evaluation_id)) {
      const evaluation = await findEvaluationById(db, appeal.evaluation_id);
      if (evaluation) evaluations.set(evaluation.id, evaluation);
    }
    const review = await findReview(db, appeal.review_id);
    if (review) reviews.set(review.id, review);
  }
  const names = await appealParticipantNames(db, [
    ...appeals.flatMap((appeal) => (appeal.ruled_by ? [appeal.filed_by, appeal.ruled_by] : [appeal.filed_by])),
    ...[...reviews.values()].map((review) => review.reviewer_id),
  ]);
  const evidence = await listAppealEvidence(
    db,
    appeals.map((appeal) => appeal.id),
  );
  return appeals.map((appeal) =>
    toAppealView(appeal, {
      tree,
      evaluation: evaluations.get(appeal.evaluation_id) ?? { project_name: '', fiscal_year: 0 },
      review: reviews.get(appeal.review_id),
      nameOf: (userId) => names.get(userId) ?? '（已删除的账号）',
      evidence,
    }),
  );
};
