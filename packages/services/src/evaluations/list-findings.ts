import type { FindingListItem } from '@jixiao/core';
import { type FindingRow, listCurrentFindings } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Page } from './list-evaluations.ts';

export type { FindingListItem } from '@jixiao/core';

export type ListFindingsInput = {
  code?: string | undefined;
  severity?: string | undefined;
  fiscalYear?: number | undefined;
  page: number;
  pageSize: number;
};

const toItem = (row: FindingRow): FindingListItem => ({
  evaluationId: row.evaluation_id,
  projectName: row.project_name,
  fiscalYear: row.fiscal_year,
  organizationName: row.organization_name,
  status: row.status,
  code: row.code,
  severity: row.severity,
  message: row.message,
  where: row.where,
});

/** Audit findings across every unit the actor oversees, from each evaluation's current revision. */
export const listFindings = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ListFindingsInput,
): Promise<Page<FindingListItem>> => {
  const tree = await loadOrganizationTree(ctx.db);
  const { items, total } = await listCurrentFindings(ctx.db, {
    organizationIds: visibleOrganizationIds(actor, tree),
    code: input.code,
    severity: input.severity,
    fiscalYear: input.fiscalYear,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: items.map(toItem), total, page: input.page, pageSize: input.pageSize };
};
