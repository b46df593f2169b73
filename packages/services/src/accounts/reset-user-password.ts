import type { PasswordReset } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import { deleteSessionsOfUser, updateUserPassword } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { auditOrganizationOf, loadManagedUser } from './managed-user.ts';
import { hashPassword, temporaryPasswordFor } from './password.ts';
import { rememberPassword } from './password-history.ts';

export type { PasswordReset } from '@jixiao/core';

/**
 * Gives an account a generated temporary password, shown once to the admin, that must be changed at the next
 * sign-in. Also ends the account's sessions: whoever held them may be who made a reset necessary. The password itself is never stored or audited, only its hash.
 */
export const resetUserPassword = async (
  ctx: ServiceContext,
  actor: Actor | null,
  userId: string,
): Promise<PasswordReset> =>
  ctx.db.transaction().execute(async (trx) => {
    const managed = await loadManagedUser(trx, actor, userId);
    if (managed.user.id === actor?.userId) {
      throw new AppError('VALIDATION_FAILED', '不能重置自己的密码，请使用“修改密码”');
    }
    const temporaryPassword = temporaryPasswordFor(managed.user.username);
    const passwordHash = await hashPassword(temporaryPassword);
    const now = ctx.now();
    await updateUserPassword(trx, userId, { passwordHash, changedAt: now, mustChange: true });
    await rememberPassword(trx, userId, passwordHash, now);
    const revokedSessions = await deleteSessionsOfUser(trx, userId);
    await recordAudit(ctx, trx, {
      organizationId: auditOrganizationOf(managed),
      actorId: actor?.userId ?? null,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      details: { username: managed.user.username, revokedSessions },
    });
    return { userId, username: managed.user.username, temporaryPassword, revokedSessions };
  });
