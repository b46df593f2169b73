import type { PublishedEvaluation } from '@jixiao/core';
import { summarizeEvaluation } from '@jixiao/core';
import type { Evaluation, EvaluationRevision } from '@jixiao/db';
import { revisionForm, revisionResult } from '../evaluations/evaluation-view.ts';
import { gradeLabel } from './list-published-evaluations.ts';

export type { PublishedEvaluation } from '@jixiao/core';

/** The public page of one publication; built once, when it is published (and stored with it). */
export const publishedViewOf = (
  evaluation: Pick<Evaluation, 'id'>,
  revision: Pick<EvaluationRevision, 'form' | 'result' | 'grade'>,
  unitName: string,
  publishedAt: Date,
): PublishedEvaluation => {
  const form = revisionForm(revision);
  const { findings: _internal, file: _file, ...summary } = summarizeEvaluation(form, revisionResult(revision));
  return {
    ...summary,
    id: evaluation.id,
    unit: unitName,
    publishedAt: publishedAt.toISOString(),
    gradeLabel: gradeLabel(revision.grade),
    annualGoal: form.annualGoal,
    narrative: form.narrative,
  };
};
