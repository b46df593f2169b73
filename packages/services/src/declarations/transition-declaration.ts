import { randomUUID } from 'node:crypto';
import {
  AppError,
  assertDeclarationTransition,
  assertSeparation,
  DECLARATION_ACTION_LABELS,
  type DeclarationAction,
  meaningfulText,
} from '@jixiao/core';
import {
  type DeclarationChanges,
  insertDeclarationAction,
  listDeclarationRevisions,
  markDeclarationSuperseded,
  updateDeclarationIfVersion,
} from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  assertDeclarationVersion,
  type DeclarationView,
  declarationAuthors,
  loadDeclarationView,
  loadVisibleDeclaration,
  positionOf,
} from './declaration-view.ts';

export type DeclarationStep = Extract<DeclarationAction, 'submit' | 'withdraw' | 'approve' | 'return'>;

export type TransitionDeclarationInput = {
  declarationId: string;
  reason?: string | undefined;
  expectedVersion?: number | undefined;
};

/**
 * One review step on a declaration, with the evaluation's rules (core/workflow): the filler submits or withdraws,
 * the unit's approver, the department and the bureau approve in turn, any of them returns with a reason. No one
 * approves a revision they opened or submitted. The final approval puts the revision in force and retires the
 * revision it adjusts (superseded_at). Logged in declaration_actions and the audit chain, in one transaction.
 */
export const transitionDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  action: DeclarationStep,
  input: TransitionDeclarationInput,
): Promise<DeclarationView> =>
  ctx.db.transaction().execute(async (trx) => {
    const reason = meaningfulText(input.reason ?? '');
    const tree = await loadOrganizationTree(trx);
    const row = await loadVisibleDeclaration(trx, actor, tree, input.declarationId, { forUpdate: true });
    const revisions = await listDeclarationRevisions(trx, {
      organizationId: row.organization_id,
      fiscalYear: row.fiscal_year,
      projectName: row.project_name,
    });
    const to = assertDeclarationTransition(
      row.status,
      action,
      effectiveRoles(actor, tree, row.organization_id),
      positionOf(row, revisions),
      reason,
    );
    assertDeclarationVersion(row, input.expectedVersion);
    if (action === 'approve') {
      assertSeparation({
        deciderId: actor.userId,
        involvedIds: declarationAuthors(row),
        decision: DECLARATION_ACTION_LABELS.approve,
      });
    }
    const now = ctx.now();
    const changes: DeclarationChanges = { status: to, updated_at: now };
    if (action === 'submit') changes.submitted_by = actor.userId;
    if (to === 'approved') {
      changes.approved_by = actor.userId;
      changes.approved_at = now;
      // Every earlier approved revision stops being the targets in force (normally just the one adjusted).
      for (const earlier of revisions) {
        if (earlier.revision_no < row.revision_no) await markDeclarationSuperseded(trx, earlier.id, now);
      }
    }
    const updated = await updateDeclarationIfVersion(trx, row.id, row.version, changes);
    if (!updated) throw new AppError('CONFLICT');
    await insertDeclarationAction(trx, {
      id: randomUUID(),
      organization_id: row.organization_id,
      declaration_id: row.id,
      action,
      stage: row.status,
      reason,
      actor_id: actor.userId,
      created_at: now,
    });
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: `declaration.${action}`,
      entityType: 'target_declaration',
      entityId: row.id,
      fromStatus: row.status,
      toStatus: to,
      reason: reason === '' ? null : reason,
      details: {
        version: updated.version,
        revisionNo: row.revision_no,
        ...(to === 'approved' && row.supersedes_id ? { supersedes: row.supersedes_id } : {}),
      },
    });
    return loadDeclarationView(trx, actor, tree, updated);
  });
