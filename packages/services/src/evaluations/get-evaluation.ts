import type { EvaluationDetail } from '@jixiao/core';
import { AppError, availableActions, departmentMismatchFindings } from '@jixiao/core';
import {
  findRevision,
  listAttachments,
  listDisplayNames,
  listPublications,
  listReviews,
  listRevisions,
} from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { budgetYearFindingsOf } from '../budget-year/budget-year-stages.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { earlierRectificationsOf, withRectificationFindings } from '../rectification/earlier-rectifications.ts';
import { todayOf } from '../rectification/rectification-item-view.ts';
import { loadVisibleEvaluation, revisionForm, revisionResult, toRevisionView, viewOf } from './evaluation-view.ts';
import { revisionAuthors, withoutOwnRevisionDecisions } from './revision-authors.ts';

export type { AttachmentView, EvaluationDetail, PublicationView, ReviewView } from '@jixiao/core';

/**
 * One evaluation with its current form and score, every revision, the review history and what the actor may do
 * (never approve or publish a revision they submitted or last edited).
 */
export const getEvaluation = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<EvaluationDetail> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const [current, revisions, reviews, publications, attachments] = await Promise.all([
    evaluation.current_revision_id ? findRevision(ctx.db, evaluation.current_revision_id) : undefined,
    listRevisions(ctx.db, evaluation.id),
    listReviews(ctx.db, evaluation.id),
    listPublications(ctx.db, evaluation.id),
    listAttachments(ctx.db, evaluation.id),
  ]);
  if (evaluation.current_revision_id && !current) throw new AppError('INTERNAL');
  const earlier = await earlierRectificationsOf(ctx.db, evaluation, tree, actor, todayOf(ctx.now));
  const form = current ? revisionForm(current) : null;
  const budgetYear = form ? await budgetYearFindingsOf(ctx.db, evaluation, form) : [];
  const view = viewOf(evaluation, tree);
  // Against the organisation tree as it is now, so never stored with the revision.
  const department = form ? departmentMismatchFindings(form.department, view.departmentName) : [];
  const names = await listDisplayNames(ctx.db, [
    ...reviews.map((review) => review.reviewer_id),
    ...publications.flatMap((publication) =>
      publication.unpublished_by === null
        ? [publication.published_by]
        : [publication.published_by, publication.unpublished_by],
    ),
  ]);
  const nameOf = (userId: string): string => names.get(userId) ?? '（已删除的账号）';
  return {
    ...view,
    form,
    result: current
      ? withRectificationFindings(revisionResult(current), [...budgetYear, ...earlier.findings, ...department])
      : null,
    revisions: revisions.map(toRevisionView),
    reviews: reviews.map((review) => ({
      id: review.id,
      stage: review.stage,
      decision: review.decision,
      reason: review.reason,
      reviewerId: review.reviewer_id,
      reviewerName: nameOf(review.reviewer_id),
      revisionId: review.revision_id,
      createdAt: review.created_at.toISOString(),
    })),
    publications: publications.map((publication) => ({
      id: publication.id,
      revisionId: publication.revision_id,
      publishedAt: publication.published_at.toISOString(),
      publishedByName: nameOf(publication.published_by),
      unpublishedAt: publication.unpublished_at?.toISOString() ?? null,
      unpublishedByName: publication.unpublished_by === null ? null : nameOf(publication.unpublished_by),
      unpublishReason: publication.unpublish_reason,
    })),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      fileName: attachment.file_name,
      mediaType: attachment.media_type,
      sizeBytes: attachment.size_bytes,
      sha256: attachment.sha256,
      createdAt: attachment.created_at.toISOString(),
    })),
    availableActions: withoutOwnRevisionDecisions(
      availableActions(evaluation.status, effectiveRoles(actor, tree, evaluation.organization_id)),
      actor.userId,
      revisionAuthors(revisions, evaluation.current_revision_id),
    ),
    earlierRectifications: earlier.items,
  };
};
