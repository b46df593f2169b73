import type { EvaluationListItem, EvaluationStatus, Grade, Page, ReturnNote } from '@jixiao/core';
import { LOW_EXECUTION_CODES, reviewStageLabel, SUBMITTED_STATUSES } from '@jixiao/core';
import { listEvaluations as listEvaluationRows, listLatestReturns, type ReturnRow } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { toEvaluationView } from './evaluation-view.ts';

export type { Page } from '@jixiao/core';

export type ListEvaluationsInput = {
  status?: EvaluationStatus | undefined;
  fiscalYear?: number | undefined;
  organizationId?: string | undefined;
  /** Units whose parent is this organisation: the 主管部门 a dashboard bar counts under. */
  departmentId?: string | undefined;
  /** Submitted evaluations of this reviewed grade, as the dashboard's 等级分布 counts them. */
  grade?: Grade | undefined;
  /** Submitted evaluations with a low-execution finding, as the dashboard's 执行率偏低 counts them. */
  lowExecution?: boolean | undefined;
  /** Submitted evaluations with a finding of this code, as the dashboard's 审核发现（按类型） counts them. */
  finding?: string | undefined;
  search?: string | undefined;
  page: number;
  pageSize: number;
};

const returnNoteOf = (row: ReturnRow): ReturnNote => ({
  stage: row.stage,
  stageLabel: reviewStageLabel(row.stage),
  reason: row.reason,
  at: row.created_at.toISOString(),
  reviewerName: row.reviewer_name,
});

/**
 * The evaluations of every organisation the actor holds a role on (and below), filtered and paged — by the same
 * rules the dashboard counts with, so a count there is the number of rows here; a returned one carries its latest return (stage, reason, when, who), so the unit's 待办 says why without opening it.
 */
export const listEvaluations = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ListEvaluationsInput,
): Promise<Page<EvaluationListItem>> => {
  const tree = await loadOrganizationTree(ctx.db);
  let organizationIds = visibleOrganizationIds(actor, tree);
  if (input.organizationId) organizationIds = organizationIds.filter((id) => id === input.organizationId);
  if (input.departmentId)
    organizationIds = organizationIds.filter((id) => tree.byId.get(id)?.parent_id === input.departmentId);
  const findingCodeSets = [
    ...(input.lowExecution ? [LOW_EXECUTION_CODES] : []),
    ...(input.finding ? [[input.finding]] : []),
  ];
  const { items, total } = await listEvaluationRows(ctx.db, {
    organizationIds,
    status: input.status,
    // A draft's or a returned evaluation's grade and findings are work in progress: the dashboard counts neither.
    statuses: input.grade || findingCodeSets.length > 0 ? SUBMITTED_STATUSES : undefined,
    grade: input.grade,
    findingCodeSets,
    fiscalYear: input.fiscalYear,
    search: input.search,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const returns = new Map(
    (
      await listLatestReturns(
        ctx.db,
        items.filter((row) => row.status === 'returned').map((row) => row.id),
      )
    ).map((row) => [row.evaluation_id, returnNoteOf(row)]),
  );
  return {
    items: items.map((row) => ({
      ...toEvaluationView(row, { organizationName: row.organization_name, departmentName: row.department_name }),
      lastReturn: returns.get(row.id) ?? null,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
