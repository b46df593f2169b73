import { setUserDisabled } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { auditOrganizationOf, loadManagedUser } from './managed-user.ts';

export type UserEnabled = { userId: string; disabled: false };

/** Enables a disabled account again; enabling an enabled account changes nothing. */
export const enableUser = async (ctx: ServiceContext, actor: Actor | null, userId: string): Promise<UserEnabled> =>
  ctx.db.transaction().execute(async (trx) => {
    const managed = await loadManagedUser(trx, actor, userId);
    if (!managed.user.disabled) return { userId, disabled: false };
    await setUserDisabled(trx, userId, null);
    await recordAudit(ctx, trx, {
      organizationId: auditOrganizationOf(managed),
      actorId: actor?.userId ?? null,
      action: 'user.enable',
      entityType: 'user',
      entityId: userId,
      details: { username: managed.user.username },
    });
    return { userId, disabled: false };
  });
