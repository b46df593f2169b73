import type { IndicatorSummary, PublishedEvaluation } from '@jixiao/core';
import { reportDepartment, ruleNameOf, ruleSetNameOf, summarizeEvaluation } from '@jixiao/core';
import { type Db, type Evaluation, type EvaluationRevision, findOrganizationById } from '@jixiao/db';
import { revisionForm, revisionResult } from '../evaluations/evaluation-view.ts';
import { gradeLabel } from './list-published-evaluations.ts';

export type { PublishedEvaluation } from '@jixiao/core';

/** The unit and its 主管部门 as the organisation tree names them: what the public list shows. */
export type RegisteredNames = { unit: string; department: string | null };

/** The names of a unit and of its parent, its 主管部门 (a budget unit's parent is always a department). */
export const registeredNamesOf = async (db: Db, organizationId: string): Promise<RegisteredNames> => {
  const unit = await findOrganizationById(db, organizationId);
  const department = unit?.parent_id ? await findOrganizationById(db, unit.parent_id) : undefined;
  return { unit: unit?.name ?? '', department: department?.name ?? null };
};

/**
 * A page as stored with its publication. One stored before the page named its 主管部门 by the organisation tree
 * has the form's cell in `department`, no `statedDepartment`, and no words for its rules.
 */
type StoredPublishedView = Omit<
  PublishedEvaluation,
  'statedDepartment' | 'departmentDiffers' | 'ruleSetName' | 'indicators'
> & {
  statedDepartment?: string;
  indicators: IndicatorSummary[];
};

/**
 * The page with what is not frozen with the revision brought up to date: the unit and 主管部门 as registered now
 * (a rename shows on the report as on the list), the form's 主管部门 beside them, and the rules named in words.
 */
export const presentPublishedView = (stored: StoredPublishedView, names: RegisteredNames): PublishedEvaluation => ({
  ...stored,
  unit: names.unit,
  ...reportDepartment(stored.statedDepartment ?? stored.department, names.department),
  ruleSetName: ruleSetNameOf(stored.ruleSet),
  indicators: stored.indicators.map((indicator) => ({ ...indicator, ruleName: ruleNameOf(indicator.rule) })),
});

/** The public page of one publication; built once, when it is published (and stored with it). */
export const publishedViewOf = (
  evaluation: Pick<Evaluation, 'id'>,
  revision: Pick<EvaluationRevision, 'form' | 'result' | 'grade'>,
  names: RegisteredNames,
  publishedAt: Date,
): PublishedEvaluation => {
  const form = revisionForm(revision);
  const { findings: _internal, file: _file, ...summary } = summarizeEvaluation(form, revisionResult(revision));
  return presentPublishedView(
    {
      ...summary,
      statedDepartment: summary.department,
      id: evaluation.id,
      unit: names.unit,
      publishedAt: publishedAt.toISOString(),
      gradeLabel: gradeLabel(revision.grade),
      annualGoal: form.annualGoal,
      narrative: form.narrative,
    },
    names,
  );
};
