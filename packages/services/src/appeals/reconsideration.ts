import type { PublishedEvaluation, PublishedReconsideration } from '@jixiao/core';
import { type Appeal, type Db, findActivePublication, findLatestAmendment } from '@jixiao/db';
import { toNumber } from '../evaluations/evaluation-view.ts';
import { gradeLabel } from '../public/list-published-evaluations.ts';

const SUMMARY_LENGTH = 200;

/** What the portal says of an amending ruling (经复议): the original and the amended result, when, and why. */
export const reconsiderationOf = (appeal: Appeal): PublishedReconsideration => {
  const reason = appeal.ruling_reason ?? '';
  return {
    ruledAt: appeal.ruled_at?.toISOString() ?? '',
    originalScore: toNumber(appeal.original_score),
    originalGrade: appeal.original_grade,
    amendedScore: toNumber(appeal.amended_score),
    amendedGrade: appeal.amended_grade,
    amendedGradeLabel: gradeLabel(appeal.amended_grade),
    withdrawnFindings: appeal.withdrawn_findings,
    reasonSummary: [...reason].length > SUMMARY_LENGTH ? `${[...reason].slice(0, SUMMARY_LENGTH).join('')}…` : reason,
  };
};

/** A public page with an amending ruling applied: the amended score and grade, and the 经复议 note. */
export const withReconsideration = (view: PublishedEvaluation, appeal: Appeal): PublishedEvaluation => {
  const reconsideration = reconsiderationOf(appeal);
  return {
    ...view,
    ...(reconsideration.amendedScore === null || reconsideration.amendedGrade === null
      ? {}
      : {
          totalScore: reconsideration.amendedScore,
          grade: reconsideration.amendedGrade,
          gradeLabel: reconsideration.amendedGradeLabel,
        }),
    reconsideration,
  };
};

/**
 * The page to publish for an evaluation: an evaluation amended before it was published is published with its
 * amended result (publish calls this; a ruling on a published one rewrites the stored page the same way).
 */
export const publishedViewWithAmendment = async (
  db: Db,
  evaluation: { id: string; revisionId: string },
  view: PublishedEvaluation,
): Promise<PublishedEvaluation> => {
  const amendment = await findLatestAmendment(db, evaluation.id, evaluation.revisionId);
  return amendment ? withReconsideration(view, amendment) : view;
};

/** The stored page of the publication in force, when there is one: a ruling rewrites it (see rule-appeal). */
export const activePublicView = async (db: Db, evaluationId: string): Promise<PublishedEvaluation | null> => {
  const publication = await findActivePublication(db, evaluationId);
  return publication?.public_view ? (JSON.parse(publication.public_view) as PublishedEvaluation) : null;
};
