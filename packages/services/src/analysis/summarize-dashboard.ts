import { type DashboardSummary, isGrade, severityFrom, summarizeDashboard as summarize } from '@jixiao/core';
import { countDashboardFindings, listDashboardEvaluations } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';

export type SummarizeDashboardInput = { fiscalYear?: number | undefined };

/**
 * The dashboard over every evaluation the actor may see, aggregated next to the data: two queries whatever
 * the number of units, instead of the browser paging through lists and fetching each evaluation.
 */
export const summarizeDashboard = async (
  ctx: ServiceContext,
  actor: Actor,
  input: SummarizeDashboardInput,
): Promise<DashboardSummary> => {
  const organizationIds = visibleOrganizationIds(actor, await loadOrganizationTree(ctx.db));
  const [evaluations, findings] = await Promise.all([
    listDashboardEvaluations(ctx.db, organizationIds),
    countDashboardFindings(ctx.db, organizationIds),
  ]);
  return summarize(
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
      lowExecution: row.low_execution,
    })),
    findings.map((row) => ({
      fiscalYear: row.fiscal_year,
      departmentName: row.department_name,
      code: row.code,
      severity: severityFrom(row.severity),
      count: row.count,
    })),
    input.fiscalYear ?? null,
  );
};
