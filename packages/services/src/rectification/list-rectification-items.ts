import type { Page, RectificationItemView, RectificationStatusName } from '@jixiao/core';
import { listRectificationItems as listRectificationRows } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { todayOf, toRectificationItemView } from './rectification-item-view.ts';

export type ListRectificationItemsInput = {
  /** A unit or a department (its units): restricted to what the actor sees. */
  organizationId?: string | undefined;
  status?: RectificationStatusName | undefined;
  /** Only items past their deadline and not closed. */
  overdue?: boolean | undefined;
  evaluationId?: string | undefined;
  fiscalYear?: number | undefined;
  page: number;
  pageSize: number;
};

/**
 * The items of every unit the actor holds a role on (a unit its own, a department its units, the bureau all),
 * overdue first, then by deadline; closed items last.
 */
export const listRectificationItems = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ListRectificationItemsInput,
): Promise<Page<RectificationItemView>> => {
  const tree = await loadOrganizationTree(ctx.db);
  let organizationIds = visibleOrganizationIds(actor, tree);
  if (input.organizationId) {
    const wanted = new Set(descendantIdsOf(tree, input.organizationId));
    organizationIds = organizationIds.filter((id) => wanted.has(id));
  }
  const today = todayOf(ctx.now);
  const { items, total } = await listRectificationRows(
    ctx.db,
    {
      organizationIds,
      status: input.status,
      evaluationId: input.evaluationId,
      fiscalYear: input.fiscalYear,
      overdueBefore: input.overdue ? today : undefined,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    },
    today,
  );
  return {
    items: items.map((item) => toRectificationItemView(item, tree, actor, today)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};
