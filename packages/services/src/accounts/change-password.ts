import { AppError } from '@jixiao/core';
import { deleteSessionsOfUser, findUserById, lockUserById, updateUserPassword } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { assertPasswordPolicy, hashPassword, passwordChangeReason, verifyPassword } from './password.ts';
import { assertNotRecentlyUsed, rememberPassword } from './password-history.ts';
import { sessionIdOf } from './session-token.ts';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  /** The session the change is made in: it stays signed in, every other session of the user ends. */
  sessionToken: string;
};

export type PasswordChanged = { revokedSessions: number };

/**
 * The signed-in user changes their own password: the current one proves it is them, the new one must meet the
 * policy, leave out the username and differ from the last five. Clears an expiry or a must-change.
 */
export const changePassword = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<PasswordChanged> => {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || user.disabled) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    const message = '当前密码不正确';
    throw new AppError('VALIDATION_FAILED', message, { fields: { currentPassword: message } });
  }
  assertPasswordPolicy(input.newPassword, user.username, 'newPassword');
  // argon2 verifications and the hash run before the transaction, so the database is not held for them.
  await assertNotRecentlyUsed(ctx.db, user.id, input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockUserById(trx, user.id);
    if (!locked || locked.disabled) throw new AppError('UNAUTHENTICATED');
    // The checks above were against this hash; a change made meanwhile elsewhere has to be looked at again.
    if (locked.password_hash !== user.password_hash) throw new AppError('CONFLICT', '密码刚刚已被修改，请重新登录');
    const now = ctx.now();
    await updateUserPassword(trx, user.id, { passwordHash, changedAt: now, mustChange: false });
    await rememberPassword(trx, user.id, passwordHash, now);
    const revokedSessions = await deleteSessionsOfUser(trx, user.id, sessionIdOf(input.sessionToken));
    await recordAudit(ctx, trx, {
      organizationId: null,
      actorId: user.id,
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      details: { revokedSessions, wasRequired: passwordChangeReason(locked, now) },
    });
    return { revokedSessions };
  });
};
