import type { ReviewQueue } from '@jixiao/core';
import { assessRisk, rankByRisk, severityFrom, waitingStatuses } from '@jixiao/core';
import { listWaitingEvaluations } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { toEvaluationView } from './evaluation-view.ts';

export type { ReviewQueue, ReviewQueueItem } from '@jixiao/core';

/** More than a reviewer reads in a sitting; the rest stay ranked behind them and counted in `total`. */
export const REVIEW_QUEUE_LIMIT = 500;

/**
 * What waits on the actor's review roles — each role over its own organisations and below, in the statuses from
 * which that role moves an evaluation on — riskiest first (core's assessRisk), equal risks oldest wait first.
 * A filler's drafts are not review work and stay on the 待办 page.
 */
export const listReviewQueue = async (ctx: ServiceContext, actor: Actor): Promise<ReviewQueue> => {
  const tree = await loadOrganizationTree(ctx.db);
  const scopes = actor.roles
    .filter((grant) => grant.role !== 'unit_filler')
    .map((grant) => ({
      organizationIds: descendantIdsOf(tree, grant.organizationId),
      statuses: waitingStatuses(grant.role),
    }));
  const rows = await listWaitingEvaluations(ctx.db, scopes);
  const ranked = rankByRisk(
    rows.map((row) => {
      const executionRate = row.execution_rate === null ? null : Number(row.execution_rate);
      const view = toEvaluationView(row, {
        organizationName: row.organization_name,
        departmentName: row.department_name,
      });
      const findings = row.findings.map((finding) => ({
        code: finding.code,
        severity: severityFrom(finding.severity),
      }));
      return { ...view, executionRate, risk: assessRisk({ findings, executionRate, totalScore: view.totalScore }) };
    }),
  );
  return { items: ranked.slice(0, REVIEW_QUEUE_LIMIT), total: ranked.length };
};
