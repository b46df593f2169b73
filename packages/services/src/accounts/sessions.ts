import { AppError } from '@jixiao/core';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsBeyond,
  findLiveSession,
  findLiveSessionAccount,
  findUserById,
  findUserByUsername,
  insertSession,
  listUserRoles,
  recordLastLogin,
  touchSession,
  type User,
  type UserRole,
} from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import {
  assertLoginAllowed,
  type LoginAttempt,
  recordLoginFailure,
  recordLoginSuccess,
  throttleSourceOf,
} from './login-throttle.ts';
import { hashPassword, type PasswordChangeReason, passwordChangeReason, verifyPassword } from './password.ts';
import { newToken, sessionIdOf } from './session-token.ts';

export const SESSION_HOURS = 12;
/**
 * 等保 2.0 asks for concurrent sessions of one account to be limited. A sign-in keeps the account's sessions on
 * other devices up to this many in all and ends the least recently used beyond it (audited with the sign-in).
 */
export const MAX_SESSIONS_PER_USER = 3;
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

const verifyDecoy = async (password: string): Promise<false> => {
  decoyHash ??= hashPassword('decoy-password-not-used-1A!');
  await verifyPassword(await decoyHash, password);
  return false;
};

type Account = { actor: Actor; passwordChange: PasswordChangeReason | null };

/** The account behind a user id; undefined for a disabled one, which is what refuses its remaining sessions. */
const loadAccount = async (ctx: ServiceContext, userId: string, now: Date): Promise<Account | undefined> => {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.disabled) return undefined;
  return accountOf(user, await listUserRoles(ctx.db, user.id), now);
};

const accountOf = (
  user: Pick<User, 'id' | 'username' | 'display_name' | 'must_change_password' | 'password_changed_at'>,
  roles: UserRole[],
  now: Date,
): Account => ({
  actor: { userId: user.id, username: user.username, displayName: user.display_name, roles },
  passwordChange: passwordChangeReason(user, now),
});

/**
 * Signs in from `source` (the client's address). Unknown names and wrong passwords get one answer after the same
 * work (a password hash verified, a failure counted); a disabled account with its right password is told it is
 * stopped (ACCOUNT_DISABLED), so its owner knows to ask the administrator; a refused pair or source gets
 * LOGIN_THROTTLED before any password is verified, whether or not the name exists (login-throttle.ts).
 */
export const login = async (
  ctx: ServiceContext,
  username: string,
  password: string,
  source: string,
): Promise<SignedIn> => {
  const attempt: LoginAttempt = { source: throttleSourceOf(source), username };
  await assertLoginAllowed(ctx, attempt);
  const found = await findUserByUsername(ctx.db, username);
  const verified = found ? await verifyPassword(found.password_hash, password) : await verifyDecoy(password);
  if (!found || !verified) {
    throw await recordLoginFailure(ctx, attempt, new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS));
  }
  // Only someone who knows the password learns that the account is stopped (a stranger cannot probe for it).
  if (found.disabled) throw await recordLoginFailure(ctx, attempt, new AppError('ACCOUNT_DISABLED'));
  const user = found;
  const now = ctx.now();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const passwordChange = passwordChangeReason(user, now);
  await ctx.db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, now, attempt);
    await recordLastLogin(trx, user.id, now);
    await deleteExpiredSessions(trx, now);
    const sessionId = sessionIdOf(token);
    await insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    });
    const endedSessions = await deleteSessionsBeyond(trx, user.id, sessionId, MAX_SESSIONS_PER_USER - 1);
    await recordAudit(ctx, trx, {
      organizationId: null,
      actorId: user.id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      details: {
        source,
        ...(passwordChange ? { passwordChange } : {}),
        ...(endedSessions > 0 ? { endedSessions } : {}),
      },
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
  const found = await findLiveSessionAccount(ctx.db, sessionIdOf(token), now, idleSince(now));
  // A disabled account's remaining sessions are refused.
  if (!found || found.user.disabled) return undefined;
  const { session, user, roles } = found;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, session.id, now);
  return { ...accountOf(user, roles, now), csrfToken: session.csrf_token, expiresAt: session.expires_at };
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
