import { listMonitoringRounds as listRounds } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { type MonitoringRoundView, toMonitoringRoundView } from './monitoring-view.ts';

/** The bureau's monitoring dates, newest first: reference data every signed-in user may read. */
export const listMonitoringRounds = async (
  ctx: ServiceContext,
  _actor: Actor,
  query: { fiscalYear?: number | undefined } = {},
): Promise<{ items: MonitoringRoundView[] }> => ({
  items: (await listRounds(ctx.db, query.fiscalYear)).map(toMonitoringRoundView),
});
