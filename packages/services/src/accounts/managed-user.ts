import { AppError } from '@jixiao/core';
import { type Db, listUserRoles, lockUserById, type User, type UserRole } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

export type ManagedUser = { user: User; roles: UserRole[] };

/**
 * The account an admin acts on, locked for the caller's transaction. An admin manages the accounts whose every
 * role lies inside the admin's subtrees; an account it cannot see at all is NOT_FOUND (ids cannot be probed),
 * one that also holds a role elsewhere is left to an admin above. Actor null is the CLI operator.
 */
export const loadManagedUser = async (trx: Db, actor: Actor | null, userId: string): Promise<ManagedUser> => {
  const adminOf = actor?.roles.filter((grant) => grant.role === 'admin').map((grant) => grant.organizationId) ?? [];
  if (actor !== null && adminOf.length === 0) throw new AppError('FORBIDDEN', '只有管理员可以管理用户');
  const user = await lockUserById(trx, userId);
  if (!user) throw new AppError('NOT_FOUND', '用户不存在');
  const roles = await listUserRoles(trx, user.id);
  if (actor === null) return { user, roles };
  const tree = await loadOrganizationTree(trx);
  const managed = new Set(adminOf.flatMap((id) => descendantIdsOf(tree, id)));
  if (!roles.some((grant) => managed.has(grant.organizationId))) throw new AppError('NOT_FOUND', '用户不存在');
  if (!roles.every((grant) => managed.has(grant.organizationId))) {
    throw new AppError('FORBIDDEN', '该用户在您管理范围以外的单位也有角色，请由上级管理员处理');
  }
  return { user, roles };
};

/** The audit entry of an account belongs to the organisation of its first role, as at creation. */
export const auditOrganizationOf = (managed: ManagedUser): string | null => managed.roles[0]?.organizationId ?? null;
