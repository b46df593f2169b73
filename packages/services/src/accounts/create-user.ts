import { randomUUID } from 'node:crypto';
import type { CreatedUser } from '@jixiao/core';
import { AppError, ROLE_LABELS, ROLE_ORGANIZATION_KINDS } from '@jixiao/core';
import { findUserByUsername, grantRole, insertUser } from '@jixiao/db';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ActorRole, ServiceContext } from '../context.ts';
import { assertPasswordPolicy, hashPassword, temporaryPasswordFor } from './password.ts';
import { rememberPassword } from './password-history.ts';
import { assertOrganizationInUse } from './update-organization.ts';

export type { CreatedUser } from '@jixiao/core';

export type CreateUserInput = {
  username: string;
  displayName: string;
  /** Left out, the account gets a generated temporary password, returned once, to be changed at first sign-in. */
  password?: string | undefined;
  roles: ActorRole[];
  /**
   * Whether the password must be changed at the first sign-in. An admin's new accounts always must: the admin
   * knows the password. The system (CLI, demo data) decides; by default it need not.
   */
  mustChangePassword?: boolean | undefined;
};

const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;

/**
 * Creates an account with its roles. An admin may grant roles inside its own subtree, and the account must
 * change its password at the first sign-in; actor null is the CLI and the demo data.
 */
export const createUser = async (
  ctx: ServiceContext,
  actor: Actor | null,
  input: CreateUserInput,
): Promise<CreatedUser> => {
  if (!USERNAME.test(input.username)) {
    const message = '用户名须为 3–64 位字母、数字、点、下划线或连字符';
    throw new AppError('VALIDATION_FAILED', message, { fields: { username: message } });
  }
  if (input.password !== undefined) assertPasswordPolicy(input.password, input.username);
  const password = input.password ?? temporaryPasswordFor(input.username);
  const mustChangePassword = actor !== null || input.password === undefined || (input.mustChangePassword ?? false);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    for (const grant of input.roles) {
      const organization = requireOrganization(tree, grant.organizationId);
      if (!ROLE_ORGANIZATION_KINDS[grant.role].some((kind) => kind === organization.kind)) {
        const message = `“${ROLE_LABELS[grant.role]}”角色不能授予在“${organization.name}”上`;
        throw new AppError('VALIDATION_FAILED', message, { fields: { roles: message } });
      }
      if (actor !== null) requireRoleOn(actor, tree, organization.id, 'admin');
      assertOrganizationInUse(organization);
    }
    if (await findUserByUsername(trx, input.username)) {
      const message = `用户名“${input.username}”已被使用`;
      throw new AppError('CONFLICT', message, { fields: { username: message } });
    }
    const now = ctx.now();
    const user = await insertUser(trx, {
      id: randomUUID(),
      username: input.username,
      display_name: input.displayName.trim() || input.username,
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: mustChangePassword,
      created_at: now,
    });
    await rememberPassword(trx, user.id, passwordHash, now);
    for (const grant of input.roles) await grantRole(trx, user.id, grant.organizationId, grant.role);
    await recordAudit(ctx, trx, {
      organizationId: input.roles[0]?.organizationId ?? null,
      actorId: actor?.userId ?? null,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      details: { username: user.username, roles: input.roles, mustChangePassword },
    });
    const created = { id: user.id, username: user.username, displayName: user.display_name, roles: input.roles };
    return input.password === undefined ? { ...created, temporaryPassword: password } : created;
  });
};
