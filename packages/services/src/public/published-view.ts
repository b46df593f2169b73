import { type EvaluationSummary, type NarrativeSection, summarizeEvaluation } from '@jixiao/core';
import type { Evaluation, EvaluationRevision } from '@jixiao/db';
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
