import type { DeclarationStatus } from '@jixiao/core';
import { listDeclarations as listDeclarationRows } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  type DeclarationListItem,
  declarationFindings,
  lastYearActuals,
  toDeclarationListItem,
} from './declaration-view.ts';

export type ListDeclarationsInput = {
  fiscalYear?: number | undefined;
  status?: DeclarationStatus | undefined;
  /** A unit or a department (its units): restricted to what the actor sees. */
  organizationId?: string | undefined;
};

/**
 * The declarations of every unit the actor holds a role on (a unit its own, a department its units, the bureau
 * all), every revision, with the counts of their target checks as the detail page shows them.
 */
export const listDeclarations = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ListDeclarationsInput,
): Promise<{ items: DeclarationListItem[] }> => {
  const tree = await loadOrganizationTree(ctx.db);
  let organizationIds = visibleOrganizationIds(actor, tree);
  if (input.organizationId) {
    const wanted = new Set(descendantIdsOf(tree, input.organizationId));
    organizationIds = organizationIds.filter((id) => wanted.has(id));
  }
  const rows = await listDeclarationRows(ctx.db, {
    organizationIds,
    fiscalYear: input.fiscalYear,
    status: input.status,
  });
  const actuals = await lastYearActuals(ctx.db, rows);
  return {
    items: rows.map((row) => toDeclarationListItem(row, row.organization_name, declarationFindings(row, actuals))),
  };
};
