import { AppError } from '@jixiao/core';
import { deleteSessionsOfUser, setUserDisabled } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { auditOrganizationOf, loadManagedUser } from './managed-user.ts';

export type UserDisabled = { userId: string; disabled: true; revokedSessions: number };

/**
 * Disables an account: it can no longer sign in, and its sessions end now rather than at their expiry (the
 * session lookup refuses a disabled account as well). Disabling a disabled account changes nothing.
 */
export const disableUser = async (ctx: ServiceContext, actor: Actor | null, userId: string): Promise<UserDisabled> =>
  ctx.db.transaction().execute(async (trx) => {
    const managed = await loadManagedUser(trx, actor, userId);
    if (managed.user.id === actor?.userId) throw new AppError('VALIDATION_FAILED', '不能停用自己的账户');
    if (managed.user.disabled) return { userId, disabled: true, revokedSessions: 0 };
    await setUserDisabled(trx, userId, ctx.now());
    const revokedSessions = await deleteSessionsOfUser(trx, userId);
    await recordAudit(ctx, trx, {
      organizationId: auditOrganizationOf(managed),
      actorId: actor?.userId ?? null,
      action: 'user.disable',
      entityType: 'user',
      entityId: userId,
      details: { username: managed.user.username, revokedSessions },
    });
    return { userId, disabled: true, revokedSessions };
  });
