import { AppError } from '@jixiao/core';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  findUserById,
  findUserByUsername,
  insertSession,
  listUserRoles,
  recordFailedLogin,
  resetFailedLogins,
  touchSession,
} from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { hashPassword, type PasswordChangeReason, passwordChangeReason, verifyPassword } from './password.ts';
import { newToken, sessionIdOf } from './session-token.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;
/** 等保 2.0 level 3 asks for sessions to end after inactivity; 30 minutes is the usual setting. */
export const SESSION_IDLE_MINUTES = 30;
/** A request refreshes the idle clock at most once a minute, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

const idleSince = (now: Date): Date => new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);

/**
 * A session whose password must be changed first (`passwordChange` not null) is still created: its user may
 * reach only what changing the password needs (the server enforces that on every request).
 */
export type SignedIn = {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
  passwordChange: PasswordChangeReason | null;
};

const WRONG_CREDENTIALS = '用户名或密码错误';

/** Verifies against a real hash when the user does not exist, so timing does not reveal valid usernames. */
let decoyHash: Promise<string> | undefined;

type Account = { actor: Actor; passwordChange: PasswordChangeReason | null };

/** The account behind a user id; undefined for a disabled one, which is what refuses its remaining sessions. */
const loadAccount = async (ctx: ServiceContext, userId: string, now: Date): Promise<Account | undefined> => {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.disabled) return undefined;
  const actor = {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: await listUserRoles(ctx.db, user.id),
  };
  return { actor, passwordChange: passwordChangeReason(user, now) };
};

export const login = async (ctx: ServiceContext, username: string, password: string): Promise<SignedIn> => {
  const now = ctx.now();
  const user = await findUserByUsername(ctx.db, username);
  if (!user || user.disabled) {
    decoyHash ??= hashPassword('decoy-password-not-used-1A!');
    await verifyPassword(await decoyHash, password);
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  if (user.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`);
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const result = await recordFailedLogin(trx, user.id, MAX_FAILED_LOGINS, lockUntil);
      if (result.lockedUntil) {
        await recordAudit(ctx, trx, {
          organizationId: null,
          actorId: user.id,
          action: 'user.lock',
          entityType: 'user',
          entityId: user.id,
          details: { failedLogins: result.failedLogins, lockedUntil: lockUntil.toISOString() },
        });
      }
      return result;
    });
    if (outcome.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', `连续 ${MAX_FAILED_LOGINS} 次登录失败，账户已锁定 ${LOCKOUT_MINUTES} 分钟`);
    }
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const passwordChange = passwordChangeReason(user, now);
  await ctx.db.transaction().execute(async (trx) => {
    await resetFailedLogins(trx, user.id);
    await deleteExpiredSessions(trx, now);
    await insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    });
    await recordAudit(ctx, trx, {
      organizationId: null,
      actorId: user.id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      details: passwordChange ? { passwordChange } : {},
    });
  });
  const account = await loadAccount(ctx, user.id, now);
  if (!account) throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  return { token, csrfToken, expiresAt, ...account };
};

export type SessionLookup = {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  passwordChange: PasswordChangeReason | null;
};

/** The live session behind a cookie token, or undefined when it is unknown, expired or its user disabled. */
export const getSession = async (ctx: ServiceContext, token: string): Promise<SessionLookup | undefined> => {
  const now = ctx.now();
  const session = await findLiveSession(ctx.db, sessionIdOf(token), now, idleSince(now));
  if (!session) return undefined;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, session.id, now);
  const account = await loadAccount(ctx, session.user_id, now);
  return account ? { ...account, csrfToken: session.csrf_token, expiresAt: session.expires_at } : undefined;
};

export const logout = async (ctx: ServiceContext, token: string): Promise<void> => {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const session = await findLiveSession(trx, sessionIdOf(token), now, idleSince(now));
    if (!session) return;
    await deleteSession(trx, session.id);
    await recordAudit(ctx, trx, {
      organizationId: null,
      actorId: session.user_id,
      action: 'user.logout',
      entityType: 'user',
      entityId: session.user_id,
    });
  });
};

/** The actor behind a username, for the CLI acting as a named user (no password: the operator owns the machine). */
export const findActorByUsername = async (ctx: ServiceContext, username: string): Promise<Actor> => {
  const user = await findUserByUsername(ctx.db, username);
  const account = user ? await loadAccount(ctx, user.id, ctx.now()) : undefined;
  if (!account) throw new AppError('NOT_FOUND', `用户“${username}”不存在或已停用`);
  return account.actor;
};
