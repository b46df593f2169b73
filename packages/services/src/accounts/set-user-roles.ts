import { AppError, ROLE_LABELS, ROLE_ORGANIZATION_KINDS, type Role } from '@jixiao/core';
import { replaceUserRoles } from '@jixiao/db';
import { descendantIdsOf, loadOrganizationTree, requireOrganization } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { auditOrganizationOf, loadManagedUser } from './managed-user.ts';
import { assertOrganizationInUse } from './update-organization.ts';

export type SetUserRolesInput = { userId: string; roles: { organizationId: string; role: Role }[] };

/**
 * Replaces an account's roles. The admin must manage every role the account holds and every role it grants (so
 * nobody grants past their own subtree), may not change their own roles (no one raises themselves), and each
 * role must suit its organisation's kind. Sessions stay: roles are read on every request.
 */
export const setUserRoles = async (
  ctx: ServiceContext,
  actor: Actor,
  input: SetUserRolesInput,
): Promise<{ userId: string; roles: SetUserRolesInput['roles'] }> =>
  ctx.db.transaction().execute(async (trx) => {
    if (input.userId === actor.userId) throw new AppError('FORBIDDEN', '不能修改自己的角色，请由其他管理员处理');
    if (input.roles.length === 0)
      throw new AppError('VALIDATION_FAILED', '至少保留一个角色；不再使用的账户请停用', {
        fields: { roles: '不能为空' },
      });
    const managed = await loadManagedUser(trx, actor, input.userId);
    const tree = await loadOrganizationTree(trx);
    const adminScope = new Set(
      actor.roles
        .filter((grant) => grant.role === 'admin')
        .flatMap((grant) => descendantIdsOf(tree, grant.organizationId)),
    );
    const unique = [...new Map(input.roles.map((grant) => [`${grant.organizationId}:${grant.role}`, grant])).values()];
    for (const grant of unique) {
      const organization = requireOrganization(tree, grant.organizationId);
      if (!adminScope.has(organization.id)) throw new AppError('FORBIDDEN', `无权在“${organization.name}”授予角色`);
      if (!ROLE_ORGANIZATION_KINDS[grant.role].includes(organization.kind)) {
        const message = `“${ROLE_LABELS[grant.role]}”角色不能授予在“${organization.name}”上`;
        throw new AppError('VALIDATION_FAILED', message, { fields: { roles: message } });
      }
      assertOrganizationInUse(organization);
    }
    await replaceUserRoles(trx, managed.user.id, unique);
    await recordAudit(ctx, trx, {
      organizationId: auditOrganizationOf(managed),
      actorId: actor.userId,
      action: 'user.roles',
      entityType: 'user',
      entityId: managed.user.id,
      details: { from: managed.roles, to: unique },
    });
    return { userId: managed.user.id, roles: unique };
  });
