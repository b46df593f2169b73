import type { EvaluationView, RevisionView } from '@jixiao/core';
import { AppError, type EvaluationForm, type EvaluationResult, STATUS_LABELS, upgradeForm } from '@jixiao/core';
import {
  type Db,
  type Evaluation,
  type EvaluationRevision,
  findEvaluationById,
  findEvaluationForUpdate,
  type RevisionSummary,
} from '@jixiao/db';
import { canSee, loadOrganizationAncestry, type OrganizationAncestry } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

export type { EvaluationView, RevisionView } from '@jixiao/core';

export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

export const toEvaluationView = (
  evaluation: Evaluation,
  names: { organizationName: string; departmentName: string | null },
): EvaluationView => ({
  id: evaluation.id,
  organizationId: evaluation.organization_id,
  organizationName: names.organizationName,
  departmentName: names.departmentName,
  projectName: evaluation.project_name,
  fiscalYear: evaluation.fiscal_year,
  status: evaluation.status,
  statusLabel: STATUS_LABELS[evaluation.status],
  ruleSet: `${evaluation.rule_set_id}@${evaluation.rule_set_version}`,
  version: evaluation.version,
  totalScore: toNumber(evaluation.total_score),
  grade: evaluation.grade,
  currentRevisionId: evaluation.current_revision_id,
  createdAt: evaluation.created_at.toISOString(),
  updatedAt: evaluation.updated_at.toISOString(),
});

export const organizationNames = (tree: OrganizationAncestry, organizationId: string) => {
  const organization = tree.byId.get(organizationId);
  const parent = organization?.parent_id ? tree.byId.get(organization.parent_id) : undefined;
  return { organizationName: organization?.name ?? '', departmentName: parent?.name ?? null };
};

export const viewOf = (evaluation: Evaluation, tree: OrganizationAncestry): EvaluationView =>
  toEvaluationView(evaluation, organizationNames(tree, evaluation.organization_id));

export const toRevisionView = (revision: RevisionSummary): RevisionView => ({
  id: revision.id,
  revisionNo: revision.revision_no,
  kind: revision.kind,
  ruleSet: revision.rule_set,
  totalScore: Number(revision.total_score),
  grade: revision.grade,
  createdBy: revision.created_by,
  createdAt: revision.created_at.toISOString(),
  sourceFileName: revision.source_file_name,
});

/** The stored form parsed and brought to the current format version (STORED_FORM_INVALID if it cannot be). */
export const revisionForm = (revision: Pick<EvaluationRevision, 'form'>): EvaluationForm => upgradeForm(revision.form);
export const revisionResult = (revision: Pick<EvaluationRevision, 'result'>): EvaluationResult =>
  revision.result as EvaluationResult;

const NOT_FOUND_MESSAGE = '自评记录不存在或无权查看';

/**
 * The evaluation if the actor may see it. An invisible evaluation is reported as missing, so ids of other
 * units' evaluations cannot be probed.
 */
export const loadVisibleEvaluation = async (
  db: Db,
  actor: Actor,
  tree: OrganizationAncestry,
  evaluationId: string,
  { forUpdate = false } = {},
): Promise<Evaluation> => {
  const evaluation = forUpdate
    ? await findEvaluationForUpdate(db, evaluationId)
    : await findEvaluationById(db, evaluationId);
  if (!evaluation || !canSee(actor, tree, evaluation.organization_id))
    throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return evaluation;
};

/**
 * The evaluation, locked for update, with its organisation's chain of ancestors, if the actor may see it (else
 * NOT_FOUND, as above). For a change to one evaluation: the chain is all its checks and its view need.
 */
export const lockVisibleEvaluation = async (
  db: Db,
  actor: Actor,
  evaluationId: string,
): Promise<{ evaluation: Evaluation; ancestry: OrganizationAncestry }> => {
  const evaluation = await findEvaluationForUpdate(db, evaluationId);
  if (!evaluation) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const ancestry = await loadOrganizationAncestry(db, evaluation.organization_id);
  if (!canSee(actor, ancestry, evaluation.organization_id)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return { evaluation, ancestry };
};

export const assertVersion = (evaluation: Evaluation, expectedVersion: number | undefined): void => {
  if (expectedVersion === undefined || expectedVersion === evaluation.version) return;
  throw new AppError(
    'CONFLICT',
    `该自评已被他人修改（当前版本 ${evaluation.version}，您编辑的是版本 ${expectedVersion}），您的修改未保存；请刷新后重新修改`,
    { currentVersion: evaluation.version, expectedVersion },
  );
};
