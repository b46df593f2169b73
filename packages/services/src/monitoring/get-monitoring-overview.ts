import type { MonitoringOverview } from '@jixiao/core';
import { countDeclarationsInForce, findLatestMonitoringRound, listMonitoringReports } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { toMonitoringListItem, toMonitoringRoundView } from './monitoring-view.ts';

export type { MonitoringOverview } from '@jixiao/core';

/** Reports of one round in a scope: one per approved project, a few hundred in a district. */
const ROUND_LIMIT = 5000;

/**
 * The dashboard's monitoring card and list: at the year's latest monitoring date, how many of the approved
 * projects in the actor's scope have reported, and which are behind schedule or have indicators at risk (a
 * department sees its units, the bureau all, a unit its own).
 */
export const getMonitoringOverview = async (
  ctx: ServiceContext,
  actor: Actor,
  query: { fiscalYear: number },
): Promise<MonitoringOverview> => {
  const tree = await loadOrganizationTree(ctx.db);
  const organizationIds = visibleOrganizationIds(actor, tree);
  const [round, expected] = await Promise.all([
    findLatestMonitoringRound(ctx.db, query.fiscalYear),
    countDeclarationsInForce(ctx.db, query.fiscalYear, organizationIds),
  ]);
  if (!round) return { round: null, reported: 0, expected, behindSchedule: [], atRisk: [] };
  const rows = await listMonitoringReports(ctx.db, {
    organizationIds,
    roundId: round.id,
    status: 'submitted',
    limit: ROUND_LIMIT,
  });
  const items = rows.map((row) => toMonitoringListItem(row, row.as_of, tree));
  return {
    round: toMonitoringRoundView(round),
    reported: items.length,
    expected,
    behindSchedule: items.filter((item) => item.behindSchedule),
    atRisk: items.filter((item) => item.atRiskIndicators > 0),
  };
};
