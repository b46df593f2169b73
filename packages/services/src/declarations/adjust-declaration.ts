import { randomUUID } from 'node:crypto';
import { assertDeclarationTransition, meaningfulText } from '@jixiao/core';
import { insertDeclaration, insertDeclarationAction, listDeclarationRevisions } from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  type DeclarationView,
  loadDeclarationView,
  loadVisibleDeclaration,
  positionOf,
  storedDeclarationForm,
} from './declaration-view.ts';

export type AdjustDeclarationInput = { declarationId: string; reason: string };

/**
 * 调整: approved targets are locked; to change them the unit's filler opens a new revision of the approved one
 * in force, with the reason, the form copied. It is a draft that goes through review again; the adjusted revision
 * stays in force until the new one is approved.
 */
export const adjustDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  input: AdjustDeclarationInput,
): Promise<DeclarationView> =>
  ctx.db.transaction().execute(async (trx) => {
    const reason = meaningfulText(input.reason);
    const tree = await loadOrganizationTree(trx);
    // Locking the adjusted revision makes a second, concurrent adjustment wait and then see the first.
    const row = await loadVisibleDeclaration(trx, actor, tree, input.declarationId, { forUpdate: true });
    const revisions = await listDeclarationRevisions(trx, {
      organizationId: row.organization_id,
      fiscalYear: row.fiscal_year,
      projectName: row.project_name,
    });
    assertDeclarationTransition(
      row.status,
      'adjust',
      effectiveRoles(actor, tree, row.organization_id),
      positionOf(row, revisions),
      reason,
    );
    const now = ctx.now();
    const revisionNo = Math.max(...revisions.map((revision) => revision.revision_no)) + 1;
    const created = await insertDeclaration(trx, {
      id: randomUUID(),
      organization_id: row.organization_id,
      fiscal_year: row.fiscal_year,
      project_name: row.project_name,
      revision_no: revisionNo,
      status: 'draft',
      form: JSON.stringify(storedDeclarationForm(row)),
      adjustment_reason: reason,
      supersedes_id: row.id,
      superseded_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      submitted_by: null,
      approved_by: null,
      approved_at: null,
    });
    await insertDeclarationAction(trx, {
      id: randomUUID(),
      organization_id: row.organization_id,
      declaration_id: created.id,
      action: 'adjust',
      stage: row.status,
      reason,
      actor_id: actor.userId,
      created_at: now,
    });
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: 'declaration.adjust',
      entityType: 'target_declaration',
      entityId: created.id,
      fromStatus: row.status,
      toStatus: 'draft',
      reason,
      details: { adjusts: row.id, revisionNo },
    });
    return loadDeclarationView(trx, actor, tree, created);
  });
