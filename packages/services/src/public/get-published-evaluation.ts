import { AppError, type EvaluationSummary, type NarrativeSection, summarizeEvaluation } from '@jixiao/core';
import { findActivePublication, findEvaluationById, findOrganizationById, findRevision } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { revisionForm, revisionResult } from '../evaluations/evaluation-view.ts';
import { gradeLabel } from './list-published-evaluations.ts';

/** What the public sees: the published revision's scores and explanations, not the internal audit findings. */
export type PublishedEvaluation = Omit<EvaluationSummary, 'findings' | 'file'> & {
  id: string;
  unit: string;
  publishedAt: string;
  gradeLabel: string | null;
  annualGoal: { expected: string; actual: string };
  narrative: { title: string; sections: NarrativeSection[] };
};

const NOT_PUBLISHED = '该自评不存在或未公开';

const loadPublished = async (ctx: ServiceContext, evaluationId: string) => {
  const evaluation = await findEvaluationById(ctx.db, evaluationId);
  if (evaluation?.status !== 'published') throw new AppError('NOT_FOUND', NOT_PUBLISHED);
  const publication = await findActivePublication(ctx.db, evaluation.id);
  const revision = publication ? await findRevision(ctx.db, publication.revision_id) : undefined;
  if (!publication || !revision) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
  return { evaluation, publication, revision };
};

/** The revision the public may see: the one an active publication points at. */
export const getPublishedEvaluationRevision = async (ctx: ServiceContext, evaluationId: string) =>
  (await loadPublished(ctx, evaluationId)).revision;

export const getPublishedEvaluation = async (
  ctx: ServiceContext,
  evaluationId: string,
): Promise<PublishedEvaluation> => {
  const { evaluation, publication, revision } = await loadPublished(ctx, evaluationId);
  const unit = await findOrganizationById(ctx.db, evaluation.organization_id);
  const form = revisionForm(revision);
  const { findings: _internal, file: _file, ...summary } = summarizeEvaluation(form, revisionResult(revision));
  return {
    ...summary,
    id: evaluation.id,
    unit: unit?.name ?? '',
    publishedAt: publication.published_at.toISOString(),
    gradeLabel: gradeLabel(revision.grade),
    annualGoal: form.annualGoal,
    narrative: form.narrative,
  };
};
