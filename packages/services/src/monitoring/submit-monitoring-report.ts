import { AppError, summariseMonitoring } from '@jixiao/core';
import { findMonitoringRound, updateMonitoringReportIfVersion } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  loadVisibleMonitoringReport,
  type MonitoringView,
  monitoringRuleSet,
  pinnedReport,
  requireEditableReport,
  storedReport,
  toMonitoringView,
} from './monitoring-view.ts';

export type SubmitMonitoringReportInput = { reportId: string; version?: number | undefined };

/**
 * 报送: the unit sends its monitoring report. The execution rate, behind-schedule flag and at-risk count are
 * stored with it, so that the lists and the dashboard filter on what was reported, not on a later rule change.
 */
export const submitMonitoringReport = async (
  ctx: ServiceContext,
  actor: Actor,
  input: SubmitMonitoringReportInput,
): Promise<MonitoringView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const row = await loadVisibleMonitoringReport(trx, actor, tree, input.reportId, { forUpdate: true });
    requireEditableReport(row, actor, tree, input.version);
    const round = await findMonitoringRound(trx, row.round_id);
    if (!round) throw new AppError('INTERNAL');
    const report = pinnedReport(storedReport(row), row, round.as_of);
    const summary = summariseMonitoring(report, monitoringRuleSet());
    if (summary.executionRate === null) {
      throw new AppError('VALIDATION_FAILED', '请填写年度资金总额的预算数和截至监控时点的执行数（数字）后再报送', {
        fields: { 'report.funds.total.executed': '请填写数字' },
      });
    }
    const now = ctx.now();
    const updated = await updateMonitoringReportIfVersion(trx, row.id, row.version, {
      status: 'submitted',
      execution_rate: summary.executionRate,
      behind_schedule: summary.behindSchedule,
      at_risk_indicators: summary.atRiskIndicators,
      submitted_by: actor.userId,
      submitted_at: now,
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: 'monitoring.submit',
      entityType: 'monitoring_report',
      entityId: row.id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      details: {
        executionRate: summary.executionRate,
        timeShare: summary.timeShare,
        behindSchedule: summary.behindSchedule,
        atRiskIndicators: summary.atRiskIndicators,
        version: updated.version,
      },
    });
    return toMonitoringView(updated, round, tree, actor);
  });
