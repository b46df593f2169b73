import type { AppealStatus, AppealView } from '@jixiao/core';
import { listAppealsOfOrganizations } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadAppealViews } from './load-appeal-views.ts';

/** The appeals of every unit the actor may see, pending first (the bureau's 复议 list; a unit sees its own). */
export const listAppeals = async (
  ctx: ServiceContext,
  actor: Actor,
  filter: { status?: AppealStatus | undefined } = {},
): Promise<AppealView[]> => {
  const tree = await loadOrganizationTree(ctx.db);
  const appeals = await listAppealsOfOrganizations(ctx.db, visibleOrganizationIds(actor, tree), filter.status);
  return loadAppealViews(ctx.db, tree, appeals);
};
