import { randomUUID } from 'node:crypto';
import { AppError, type DeclarationForm, declarationFormSchema, meaningfulText } from '@jixiao/core';
import { type Db, insertDeclaration, listDeclarationRevisions } from '@jixiao/db';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import { assertOrganizationInUse } from '../accounts/update-organization.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type DeclarationView, loadDeclarationView } from './declaration-view.ts';

export type CreateDeclarationInput = { organizationId: string; form: DeclarationForm };

/** The form as it may be stored: the declaration's own schema, with a year and a project name to file it under. */
export const assertStorableDeclaration = (input: DeclarationForm): DeclarationForm & { fiscalYear: number } => {
  const parsed = declarationFormSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '绩效目标申报表数据不符合要求', {
      fields: Object.fromEntries(parsed.error.issues.map((issue) => [`form.${issue.path.join('.')}`, issue.message])),
    });
  }
  const form = parsed.data;
  const fields: Record<string, string> = {};
  if (form.fiscalYear === null) fields['form.fiscalYear'] = '请填写预算年度';
  if (meaningfulText(form.projectName) === '') fields['form.projectName'] = '请填写项目名称';
  if (form.fiscalYear === null || Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', '绩效目标申报表须填写预算年度和项目名称', { fields });
  }
  return { ...form, fiscalYear: form.fiscalYear };
};

/** Writes a first declaration (revision 1, draft); shared by the form and the file import. */
export const createDeclarationIn = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  input: CreateDeclarationInput,
  fileName: string | null,
): Promise<DeclarationView> => {
  const form = assertStorableDeclaration(input.form);
  const projectName = meaningfulText(form.projectName);
  const tree = await loadOrganizationTree(trx);
  const organization = requireOrganization(tree, input.organizationId);
  if (organization.kind !== 'budget_unit') throw new AppError('VALIDATION_FAILED', '绩效目标只能由预算单位申报');
  assertOrganizationInUse(organization);
  requireRoleOn(actor, tree, organization.id, 'unit_filler');
  const project = { organizationId: organization.id, fiscalYear: form.fiscalYear, projectName };
  const existing = (await listDeclarationRevisions(trx, project)).at(-1);
  if (existing) {
    // The existing declaration is named so the unit can open it (or adjust it, once approved).
    throw new AppError(
      'DUPLICATE_DECLARATION',
      `“${organization.name}”的 ${form.fiscalYear} 年度项目“${projectName}”已申报绩效目标`,
      {
        context: {
          existing: {
            declarationId: existing.id,
            status: existing.status,
            revisionNo: existing.revision_no,
            projectName,
            fiscalYear: form.fiscalYear,
          },
        },
      },
    );
  }
  const now = ctx.now();
  const row = await insertDeclaration(trx, {
    id: randomUUID(),
    organization_id: organization.id,
    fiscal_year: form.fiscalYear,
    project_name: projectName,
    revision_no: 1,
    status: 'draft',
    form: JSON.stringify({ ...form, projectName }),
    supersedes_id: null,
    superseded_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    submitted_by: null,
    approved_by: null,
    approved_at: null,
  });
  await recordAudit(ctx, trx, {
    organizationId: row.organization_id,
    actorId: actor.userId,
    action: fileName === null ? 'declaration.create' : 'declaration.import',
    entityType: 'target_declaration',
    entityId: row.id,
    toStatus: 'draft',
    details: { fiscalYear: row.fiscal_year, projectName, revisionNo: 1, fileName },
  });
  return loadDeclarationView(trx, actor, tree, row);
};

/** The unique (unit, year, project, revision) key refused a row a concurrent request wrote first. */
const isDuplicateRevision = (error: unknown): boolean => {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && `${constraint ?? ''} ${String(message)}`.includes('target_declarations');
};

/**
 * Runs a create once more when a concurrent one won the race: the second run sees the committed declaration and
 * answers DUPLICATE_DECLARATION naming it, instead of a bare database error.
 */
export const retryOnDuplicateDeclaration = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (!isDuplicateRevision(error)) throw error;
    return run();
  }
};

/** 绩效目标申报: the unit's filler starts the year's declaration of one project. */
export const createDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateDeclarationInput,
): Promise<DeclarationView> =>
  retryOnDuplicateDeclaration(() =>
    ctx.db.transaction().execute((trx) => createDeclarationIn(ctx, trx, actor, input, null)),
  );
