import type { UserView } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import { listUsersWithRolesIn } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { passwordChangeReason, passwordExpiresAt } from './password.ts';

export type { UserView } from '@jixiao/core';

/** The accounts an admin manages: everyone holding a role inside the admin's subtrees. */
export const listUsers = async (ctx: ServiceContext, actor: Actor): Promise<UserView[]> => {
  const adminOf = actor.roles.filter((grant) => grant.role === 'admin').map((grant) => grant.organizationId);
  if (adminOf.length === 0) throw new AppError('FORBIDDEN', '只有管理员可以查看用户');
  const tree = await loadOrganizationTree(ctx.db);
  const scope = [...new Set(adminOf.flatMap((id) => descendantIdsOf(tree, id)))];
  const users = await listUsersWithRolesIn(ctx.db, scope);
  const now = ctx.now();
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    disabled: user.disabled,
    disabledAt: user.disabled_at?.toISOString() ?? null,
    passwordChangedAt: user.password_changed_at.toISOString(),
    passwordExpiresAt: passwordExpiresAt(user.password_changed_at).toISOString(),
    passwordChangeRequired: passwordChangeReason(user, now),
    createdAt: user.created_at.toISOString(),
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    roles: user.roles,
  }));
};
