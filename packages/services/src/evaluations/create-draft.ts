import { randomUUID } from 'node:crypto';
import { AppError, type EvaluationForm, evaluationFormSchema, meaningfulText, requireRuleSet } from '@jixiao/core';
import { type Db, findEvaluationByProject, findProject, insertEvaluation, insertProject } from '@jixiao/db';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import { assertOrganizationInUse } from '../accounts/update-organization.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type EvaluationView, viewOf } from './evaluation-view.ts';
import { saveRevision } from './write-revision.ts';

export type CreateDraftInput = {
  organizationId: string;
  form: EvaluationForm;
  ruleSetId?: string | undefined;
};

export type DraftSource = { kind: 'draft' | 'import'; fileName: string | null };

/** A form must name its project and year before it can be stored; the rest may still be blank in a draft. */
export const assertStorableForm = (form: EvaluationForm): EvaluationForm => {
  const parsed = evaluationFormSchema.safeParse(form);
  if (!parsed.success) {
    // A reader's form reaches this check too (an import): name the cells, as the API's schema does for a body.
    const fields = Object.fromEntries(
      parsed.error.issues.slice(0, 20).map((issue) => [['form', ...issue.path].join('.'), issue.message]),
    );
    throw new AppError('VALIDATION_FAILED', `自评表数据格式不正确：${Object.keys(fields).join('、')}`, { fields });
  }
  const fields: Record<string, string> = {};
  if (meaningfulText(form.projectName) === '') fields['form.projectName'] = '项目名称不能为空';
  if (form.fiscalYear === null) fields['form.fiscalYear'] = '预算年度不能为空';
  if (Object.keys(fields).length > 0)
    throw new AppError('VALIDATION_FAILED', Object.values(fields).join('；'), { fields });
  return parsed.data;
};

/** Shared by create-draft and import-file-into-draft: runs inside the caller's transaction. */
export const createDraftIn = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  input: CreateDraftInput,
  source: DraftSource,
): Promise<EvaluationView> => {
  const form = assertStorableForm(input.form);
  const fiscalYear = form.fiscalYear ?? 0;
  const projectName = meaningfulText(form.projectName);
  const tree = await loadOrganizationTree(trx);
  const organization = requireOrganization(tree, input.organizationId);
  if (organization.kind !== 'budget_unit') throw new AppError('VALIDATION_FAILED', '自评只能由预算单位填报');
  assertOrganizationInUse(organization);
  requireRoleOn(actor, tree, organization.id, 'unit_filler');
  const ruleSet = requireRuleSet(input.ruleSetId);
  const now = ctx.now();
  const existingProject = await findProject(trx, organization.id, fiscalYear, projectName);
  if (existingProject) {
    const existing = await findEvaluationByProject(trx, existingProject.id);
    // The existing record is named so the unit can open it, or import the file as its next version.
    throw new AppError(
      'DUPLICATE_PROJECT',
      `“${organization.name}”的 ${fiscalYear} 年度项目“${projectName}”已有自评记录`,
      {
        context: {
          existing: existing
            ? { evaluationId: existing.id, status: existing.status, version: existing.version, projectName, fiscalYear }
            : null,
        },
      },
    );
  }
  const project = await insertProject(trx, {
    id: randomUUID(),
    organization_id: organization.id,
    name: projectName,
    code: form.projectCode.trim(),
    fiscal_year: fiscalYear,
    created_at: now,
  });
  const evaluation = await insertEvaluation(trx, {
    id: randomUUID(),
    organization_id: organization.id,
    project_id: project.id,
    fiscal_year: fiscalYear,
    project_name: projectName,
    status: 'draft',
    rule_set_id: ruleSet.id,
    rule_set_version: ruleSet.version,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  const { revisionId, updated } = await saveRevision(trx, evaluation, form, source, actor.userId, now);
  await recordAudit(ctx, trx, {
    organizationId: organization.id,
    actorId: actor.userId,
    action: source.kind === 'import' ? 'evaluation.import' : 'evaluation.create',
    entityType: 'evaluation',
    entityId: evaluation.id,
    toStatus: 'draft',
    details: { revisionId, projectName, fiscalYear, fileName: source.fileName },
  });
  return viewOf(updated, tree);
};

/** 填报: starts the self-evaluation of one project for one year in a budget unit. */
export const createDraft = async (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateDraftInput,
): Promise<EvaluationView> =>
  ctx.db.transaction().execute((trx) => createDraftIn(ctx, trx, actor, input, { kind: 'draft', fileName: null }));
