import { AppError, type Role } from '@jixiao/core';
import { type Db, listOrganizationChain, listOrganizations, type Organization } from '@jixiao/db';
import type { Actor } from '../context.ts';

/** The organisation tree, loaded whole: a district has hundreds of organisations, not millions. */
export type OrganizationTree = {
  byId: Map<string, Organization>;
  children: Map<string, Organization[]>;
};

/**
 * What walking up from an organisation needs: the whole tree, or only that organisation's chain of ancestors
 * (a check on one organisation, such as a save, reads that chain instead of every organisation).
 */
export type OrganizationAncestry = Pick<OrganizationTree, 'byId'>;

export const loadOrganizationAncestry = async (db: Db, organizationId: string): Promise<OrganizationAncestry> => ({
  byId: new Map(
    (await listOrganizationChain(db, organizationId)).map((organization) => [organization.id, organization]),
  ),
});

export const loadOrganizationTree = async (db: Db): Promise<OrganizationTree> => {
  const organizations = await listOrganizations(db);
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  const children = new Map<string, Organization[]>();
  for (const organization of organizations) {
    if (organization.parent_id === null) continue;
    const siblings = children.get(organization.parent_id) ?? [];
    siblings.push(organization);
    children.set(organization.parent_id, siblings);
  }
  return { byId, children };
};

/** The organisation and its ancestors up to the root. */
export const ancestorsOf = (tree: OrganizationAncestry, organizationId: string): Organization[] => {
  const chain: Organization[] = [];
  for (
    let current = tree.byId.get(organizationId);
    current;
    current = current.parent_id ? tree.byId.get(current.parent_id) : undefined
  ) {
    chain.push(current);
  }
  return chain;
};

export const descendantIdsOf = (tree: OrganizationTree, organizationId: string): string[] => {
  const ids: string[] = [];
  const queue = [organizationId];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    ids.push(current);
    for (const child of tree.children.get(current) ?? []) queue.push(child.id);
  }
  return ids;
};

/** A role held on an organisation applies to it and to everything below it. */
export const effectiveRoles = (actor: Actor, tree: OrganizationAncestry, organizationId: string): Role[] => {
  const chain = new Set(ancestorsOf(tree, organizationId).map((organization) => organization.id));
  return [...new Set(actor.roles.filter((grant) => chain.has(grant.organizationId)).map((grant) => grant.role))];
};

/** Every organisation the actor may see: the subtrees of the organisations it holds any role on. */
export const visibleOrganizationIds = (actor: Actor, tree: OrganizationTree): string[] => [
  ...new Set(actor.roles.flatMap((grant) => descendantIdsOf(tree, grant.organizationId))),
];

export const canSee = (actor: Actor, tree: OrganizationAncestry, organizationId: string): boolean =>
  effectiveRoles(actor, tree, organizationId).length > 0;

export const requireOrganization = (tree: OrganizationAncestry, organizationId: string): Organization => {
  const organization = tree.byId.get(organizationId);
  if (!organization) throw new AppError('NOT_FOUND', '单位不存在');
  return organization;
};

export const requireRoleOn = (actor: Actor, tree: OrganizationAncestry, organizationId: string, role: Role): void => {
  if (!effectiveRoles(actor, tree, organizationId).includes(role)) {
    throw new AppError('FORBIDDEN', '无权对该单位执行此操作');
  }
};
