import { AppError, assertDeclarationTransition, type DeclarationForm, meaningfulText } from '@jixiao/core';
import { updateDeclarationIfVersion } from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { assertStorableDeclaration } from './create-declaration.ts';
import {
  assertDeclarationVersion,
  type DeclarationView,
  loadDeclarationView,
  loadVisibleDeclaration,
} from './declaration-view.ts';

export type UpdateDeclarationInput = { declarationId: string; expectedVersion: number; form: DeclarationForm };

/**
 * Saves the form of a draft or returned declaration, if nobody saved since `expectedVersion` (else CONFLICT).
 * The year and the project name file the declaration and tie it to the evaluation: they cannot change.
 */
export const updateDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  input: UpdateDeclarationInput,
): Promise<DeclarationView> =>
  ctx.db.transaction().execute(async (trx) => {
    const form = assertStorableDeclaration(input.form);
    const tree = await loadOrganizationTree(trx);
    const row = await loadVisibleDeclaration(trx, actor, tree, input.declarationId, { forUpdate: true });
    const roles = effectiveRoles(actor, tree, row.organization_id);
    assertDeclarationTransition(row.status, 'edit', roles, { superseded: false, hasLaterRevision: false });
    assertDeclarationVersion(row, input.expectedVersion);
    if (form.fiscalYear !== row.fiscal_year || meaningfulText(form.projectName) !== row.project_name) {
      throw new AppError(
        'VALIDATION_FAILED',
        `预算年度和项目名称不能修改（本申报为 ${row.fiscal_year} 年度“${row.project_name}”）`,
        {
          fields: { 'form.fiscalYear': '不能修改', 'form.projectName': '不能修改' },
        },
      );
    }
    const updated = await updateDeclarationIfVersion(trx, row.id, row.version, {
      form: JSON.stringify({ ...form, projectName: row.project_name }),
      updated_at: ctx.now(),
    });
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: 'declaration.edit',
      entityType: 'target_declaration',
      entityId: row.id,
      fromStatus: row.status,
      toStatus: row.status,
      details: { version: updated.version, revisionNo: row.revision_no },
    });
    return loadDeclarationView(trx, actor, tree, updated);
  });
