import {
  AppError,
  type Finding,
  type MonitoringListItem,
  type MonitoringReport,
  type MonitoringRoundView,
  type MonitoringStatus,
  type MonitoringView,
  monitoringFindings,
  monitoringReportSchema,
  type RuleSet,
  requireRuleSet,
  summariseMonitoring,
} from '@jixiao/core';
import {
  type Db,
  findMonitoringReport,
  findMonitoringReportForUpdate,
  type MonitoringReportRow,
  type MonitoringRound,
} from '@jixiao/db';
import { canSee, effectiveRoles, type OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

export type { MonitoringListItem, MonitoringRoundView, MonitoringView } from '@jixiao/core';

export const MONITORING_STATUS_LABELS: Record<MonitoringStatus, string> = { draft: '填报中', submitted: '已报送' };

/**
 * The tolerance comes from the default rule set: a monitoring report has no rule set of its own, and the bureau
 * sets one policy for the whole year's monitoring.
 */
export const monitoringRuleSet = (): RuleSet => requireRuleSet();

export const toMonitoringRoundView = (round: MonitoringRound): MonitoringRoundView => ({
  id: round.id,
  fiscalYear: round.fiscal_year,
  asOf: round.as_of,
  dueDate: round.due_date,
  title: round.title,
  createdAt: round.created_at.toISOString(),
});

/** The stored report, checked: a row that no longer reads is an error, not a blank report. */
export const storedReport = (row: Pick<MonitoringReportRow, 'report'>): MonitoringReport => {
  const parsed = monitoringReportSchema.safeParse(row.report);
  if (!parsed.success) throw new AppError('STORED_FORM_INVALID', '已保存的监控表数据无法读取，请联系系统管理员');
  return parsed.data;
};

/**
 * A draft's figures are read from its report as it stands; a submitted report's are the ones stored at submit,
 * which the lists and the dashboard filter on.
 */
export const toMonitoringListItem = (
  row: MonitoringReportRow,
  asOf: string,
  tree: OrganizationTree,
  report: MonitoringReport = storedReport(row),
): MonitoringListItem => {
  const summary = summariseMonitoring({ ...report, asOf }, monitoringRuleSet());
  const submitted = row.status === 'submitted';
  return {
    id: row.id,
    roundId: row.round_id,
    declarationId: row.declaration_id,
    organizationId: row.organization_id,
    organizationName: tree.byId.get(row.organization_id)?.name ?? '',
    fiscalYear: row.fiscal_year,
    projectName: row.project_name,
    asOf,
    status: row.status,
    statusLabel: MONITORING_STATUS_LABELS[row.status],
    executionRate: submitted ? row.execution_rate : summary.executionRate,
    timeShare: summary.timeShare,
    behindSchedule: submitted ? row.behind_schedule : summary.behindSchedule,
    atRiskIndicators: submitted ? row.at_risk_indicators : summary.atRiskIndicators,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
};

export const isUnitFillerOf = (actor: Actor, tree: OrganizationTree, organizationId: string): boolean =>
  effectiveRoles(actor, tree, organizationId).includes('unit_filler');

export const toMonitoringView = (
  row: MonitoringReportRow,
  round: MonitoringRound,
  tree: OrganizationTree,
  actor: Actor,
): MonitoringView => {
  const report = storedReport(row);
  const editable = row.status === 'draft' && isUnitFillerOf(actor, tree, row.organization_id);
  const findings: Finding[] = monitoringFindings({ ...report, asOf: round.as_of }, monitoringRuleSet());
  return {
    ...toMonitoringListItem(row, round.as_of, tree, report),
    report,
    findings,
    version: row.version,
    canEdit: editable,
    canSubmit: editable,
  };
};

const NOT_FOUND_MESSAGE = '监控表不存在或无权查看';

/** The report if the actor may see its unit; another unit's report is reported as missing, so ids cannot be probed. */
export const loadVisibleMonitoringReport = async (
  db: Db,
  actor: Actor,
  tree: OrganizationTree,
  id: string,
  { forUpdate = false } = {},
): Promise<MonitoringReportRow> => {
  const row = forUpdate ? await findMonitoringReportForUpdate(db, id) : await findMonitoringReport(db, id);
  if (!row || !canSee(actor, tree, row.organization_id)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return row;
};

/** Only the unit's filler changes a report, and only while it is a draft. */
export const requireEditableReport = (
  row: MonitoringReportRow,
  actor: Actor,
  tree: OrganizationTree,
  expectedVersion?: number,
): void => {
  if (!isUnitFillerOf(actor, tree, row.organization_id)) {
    throw new AppError('FORBIDDEN', '只有本单位的填报人员可以填写监控表');
  }
  if (row.status !== 'draft') throw new AppError('INVALID_TRANSITION', '监控表已报送，不能再修改');
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(
      'CONFLICT',
      `该监控表已被他人修改（当前版本 ${row.version}，您看到的是版本 ${expectedVersion}），请刷新后重试`,
      { currentVersion: row.version, expectedVersion },
    );
  }
};

/** A report as saved: the round's date and year and the declared project's name are the record's, not the file's. */
export const pinnedReport = (
  report: MonitoringReport,
  row: Pick<MonitoringReportRow, 'fiscal_year' | 'project_name'>,
  asOf: string,
): MonitoringReport => ({ ...report, asOf, fiscalYear: row.fiscal_year, projectName: row.project_name });
