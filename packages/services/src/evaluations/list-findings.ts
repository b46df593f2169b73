import type { FindingListItem } from '@jixiao/core';
import { type FindingRow, listCurrentFindings } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { listRectificationFindingItems } from '../rectification/rectification-finding-items.ts';
import { todayOf } from '../rectification/rectification-item-view.ts';
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
  const filter = {
    organizationIds: visibleOrganizationIds(actor, tree),
    code: input.code,
    severity: input.severity,
    fiscalYear: input.fiscalYear,
  };
  // The findings of earlier years' unclosed 整改 items are computed today and listed first; the stored ones follow.
  const live = await listRectificationFindingItems(ctx.db, filter, todayOf(ctx.now));
  const offset = (input.page - 1) * input.pageSize;
  const fromLive = live.slice(offset, offset + input.pageSize);
  const { items, total } = await listCurrentFindings(ctx.db, {
    ...filter,
    limit: Math.max(input.pageSize - fromLive.length, 0),
    offset: Math.max(offset - live.length, 0),
  });
  return {
    items: [...fromLive, ...items.map(toItem)],
    total: total + live.length,
    page: input.page,
    pageSize: input.pageSize,
  };
};
