import type { Db } from '@jixiao/db';
import { loadOrganizationTree, type OrganizationTree } from '../access/organization-scope.ts';
import type { ServiceContext } from '../context.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { publishedCache } from './published-cache.ts';
import { type RegisteredNames, registeredNamesOf } from './published-view.ts';

const cachedTree = publishedCache<OrganizationTree>();

/**
 * The unit and 主管部门 names a public page shows, as the organisation tree names them now. The detail page is
 * the portal's read that its cache misses most (any of all published reports), and joining the two
 * organisations into its lookup cost PostgreSQL more than the lookup itself; the tree is small and changes
 * rarely, so it is held here as long as published answers are, and dropped with them (`publishedChanged`: a
 * publication, or an organisation renamed). A unit created since the tree was loaded is looked up directly.
 */
export const currentNamesOf = async (ctx: ServiceContext, db: Db, organizationId: string): Promise<RegisteredNames> => {
  const { byId } = await cachedTree(ctx, 'organizations', () => readMayBeStale(ctx, loadOrganizationTree));
  const unit = byId.get(organizationId);
  if (!unit) return registeredNamesOf(db, organizationId);
  const department = unit.parent_id === null ? undefined : byId.get(unit.parent_id);
  if (unit.parent_id !== null && !department) return registeredNamesOf(db, organizationId);
  return { unit: unit.name, department: department?.name ?? null };
};
