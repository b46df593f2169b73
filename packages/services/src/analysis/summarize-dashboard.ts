import {
  type DashboardSummary,
  isGrade,
  type RectificationCountsView,
  type ResultApplicationSummary,
  SUBMITTED_STATUSES,
  severityFrom,
  summarizeDashboard as summarize,
} from '@jixiao/core';
import { countDashboardFindings, countRectificationItems, listDashboardEvaluations } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { todayOf } from '../rectification/rectification-item-view.ts';
import { summarizeResultApplication } from '../result-application/summarize-result-application.ts';

export type SummarizeDashboardInput = { fiscalYear?: number | undefined };

/**
 * The dashboard over every evaluation the actor may see, aggregated next to the data: two queries whatever
 * the number of units, instead of the browser paging through lists and fetching each evaluation.
 */
export const summarizeDashboard = async (
  ctx: ServiceContext,
  actor: Actor,
  input: SummarizeDashboardInput,
): Promise<
  DashboardSummary & { resultApplication: ResultApplicationSummary | null; rectifications: RectificationCountsView }
> => {
  const tree = await loadOrganizationTree(ctx.db);
  const organizationIds = visibleOrganizationIds(actor, tree);
  const [evaluations, findings, resultApplication, rectifications] = await Promise.all([
    listDashboardEvaluations(ctx.db, organizationIds),
    countDashboardFindings(ctx.db, organizationIds, SUBMITTED_STATUSES),
    summarizeResultApplication(ctx.db, actor, tree, input.fiscalYear ?? null),
    // 整改 counts are of today's work, whatever year the dashboard shows.
    countRectificationItems(ctx.db, organizationIds, todayOf(ctx.now)),
  ]);
  const summary = summarize(
    evaluations.map((row) => ({
      id: row.id,
      projectName: row.project_name,
      organizationName: row.organization_name,
      departmentName: row.department_name,
      fiscalYear: row.fiscal_year,
      status: row.status,
      totalScore: row.total_score,
      grade: row.grade !== null && isGrade(row.grade) ? row.grade : null,
      executionRate: row.execution_rate === null ? null : Number(row.execution_rate),
      findingCodes: row.finding_codes,
    })),
    findings.map((row) => ({
      fiscalYear: row.fiscal_year,
      departmentId: row.department_id,
      departmentName: row.department_name,
      code: row.code,
      severity: severityFrom(row.severity),
      count: row.count,
    })),
    input.fiscalYear ?? null,
  );
  return { ...summary, resultApplication, rectifications };
};
