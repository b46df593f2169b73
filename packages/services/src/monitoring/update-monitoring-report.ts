import { AppError, type MonitoringReport, monitoringReportSchema } from '@jixiao/core';
import type { Db } from '@jixiao/db';
import { findMonitoringRound, type MonitoringReportRow, updateMonitoringReportIfVersion } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  loadVisibleMonitoringReport,
  type MonitoringView,
  pinnedReport,
  requireEditableReport,
  toMonitoringView,
} from './monitoring-view.ts';

export type UpdateMonitoringReportInput = { reportId: string; report: MonitoringReport; version: number };

/** Saves a draft's report in `trx` for the actor (update and import share it); the row is locked by the caller. */
export const saveMonitoringReportIn = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  row: MonitoringReportRow,
  report: MonitoringReport,
  source: { action: 'monitoring.update' | 'monitoring.import'; details: Record<string, unknown> },
): Promise<MonitoringView> => {
  const tree = await loadOrganizationTree(trx);
  const round = await findMonitoringRound(trx, row.round_id);
  if (!round) throw new AppError('INTERNAL');
  const parsed = monitoringReportSchema.safeParse(pinnedReport(report, row, round.as_of));
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.slice(0, 20).map((issue) => [['report', ...issue.path].join('.'), issue.message]),
    );
    throw new AppError('VALIDATION_FAILED', `监控表数据格式不正确：${Object.keys(fields).join('、')}`, { fields });
  }
  const updated = await updateMonitoringReportIfVersion(trx, row.id, row.version, {
    report: JSON.stringify(parsed.data),
    updated_at: ctx.now(),
  });
  if (!updated) throw new AppError('CONFLICT');
  await recordAudit(ctx, trx, {
    organizationId: row.organization_id,
    actorId: actor.userId,
    action: source.action,
    entityType: 'monitoring_report',
    entityId: row.id,
    fromStatus: 'draft',
    toStatus: 'draft',
    details: { ...source.details, version: updated.version },
  });
  return toMonitoringView(updated, round, tree, actor);
};

/** Saves the unit's draft monitoring report (optimistic lock on `version`). */
export const updateMonitoringReport = async (
  ctx: ServiceContext,
  actor: Actor,
  input: UpdateMonitoringReportInput,
): Promise<MonitoringView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const row = await loadVisibleMonitoringReport(trx, actor, tree, input.reportId, { forUpdate: true });
    requireEditableReport(row, actor, tree, input.version);
    return saveMonitoringReportIn(ctx, trx, actor, row, input.report, { action: 'monitoring.update', details: {} });
  });
