import { AppError } from '@jixiao/core';
import { findMonitoringRound } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleMonitoringReport, type MonitoringView, toMonitoringView } from './monitoring-view.ts';

/** One monitoring report, for its unit and those above it. */
export const getMonitoringReport = async (
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
): Promise<MonitoringView> => {
  const tree = await loadOrganizationTree(ctx.db);
  const row = await loadVisibleMonitoringReport(ctx.db, actor, tree, reportId);
  const round = await findMonitoringRound(ctx.db, row.round_id);
  if (!round) throw new AppError('INTERNAL');
  return toMonitoringView(row, round, tree, actor);
};
