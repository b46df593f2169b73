import { deleteSessionsOfUser } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { auditOrganizationOf, loadManagedUser } from './managed-user.ts';

export type SessionsRevoked = { userId: string; revokedSessions: number };

/** Ends every session of an account (a lost laptop, a suspected leak); the account can sign in again. */
export const revokeUserSessions = async (
  ctx: ServiceContext,
  actor: Actor | null,
  userId: string,
): Promise<SessionsRevoked> =>
  ctx.db.transaction().execute(async (trx) => {
    const managed = await loadManagedUser(trx, actor, userId);
    const revokedSessions = await deleteSessionsOfUser(trx, userId);
    await recordAudit(ctx, trx, {
      organizationId: auditOrganizationOf(managed),
      actorId: actor?.userId ?? null,
      action: 'user.sessions_revoke',
      entityType: 'user',
      entityId: userId,
      details: { username: managed.user.username, revokedSessions },
    });
    return { userId, revokedSessions };
  });
