import { AppError } from '@jixiao/core';
import { listMonitoringReports as listReports } from '@jixiao/db';
import { canSee, descendantIdsOf, loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type MonitoringListItem, toMonitoringListItem } from './monitoring-view.ts';

export type ListMonitoringReportsQuery = {
  fiscalYear?: number | undefined;
  roundId?: string | undefined;
  /** Narrow to one unit (or a department and its units) within what the actor may see. */
  organizationId?: string | undefined;
  /** Only reports submitted as behind schedule. */
  behind?: boolean | undefined;
};

/** The longest list: one report per approved project and round, a few hundred in a district. */
const LIST_LIMIT = 2000;

/** Monitoring reports in the actor's scope: a unit its own, a department its units, the bureau all. */
export const listMonitoringReports = async (
  ctx: ServiceContext,
  actor: Actor,
  query: ListMonitoringReportsQuery = {},
): Promise<{ items: MonitoringListItem[] }> => {
  const tree = await loadOrganizationTree(ctx.db);
  let organizationIds = visibleOrganizationIds(actor, tree);
  if (query.organizationId) {
    if (!canSee(actor, tree, query.organizationId)) throw new AppError('FORBIDDEN', '无权查看该单位的监控表');
    organizationIds = descendantIdsOf(tree, query.organizationId);
  }
  const rows = await listReports(ctx.db, {
    organizationIds,
    fiscalYear: query.fiscalYear,
    roundId: query.roundId,
    behind: query.behind,
    limit: LIST_LIMIT,
  });
  return { items: rows.map((row) => toMonitoringListItem(row, row.as_of, tree)) };
};
