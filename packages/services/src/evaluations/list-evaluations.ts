import type { EvaluationStatus, Page } from '@jixiao/core';
import { listEvaluations as listEvaluationRows } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type EvaluationView, toEvaluationView } from './evaluation-view.ts';

export type { Page } from '@jixiao/core';

export type ListEvaluationsInput = {
  status?: EvaluationStatus | undefined;
  fiscalYear?: number | undefined;
  organizationId?: string | undefined;
  search?: string | undefined;
  page: number;
  pageSize: number;
};

/** The evaluations of every organisation the actor holds a role on (and below), filtered and paged. */
export const listEvaluations = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ListEvaluationsInput,
): Promise<Page<EvaluationView>> => {
  const tree = await loadOrganizationTree(ctx.db);
  let organizationIds = visibleOrganizationIds(actor, tree);
  if (input.organizationId) organizationIds = organizationIds.filter((id) => id === input.organizationId);
  const { items, total } = await listEvaluationRows(ctx.db, {
    organizationIds,
    status: input.status,
    fiscalYear: input.fiscalYear,
    search: input.search,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return {
    items: items.map((row) =>
      toEvaluationView(row, { organizationName: row.organization_name, departmentName: row.department_name }),
    ),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
