import { AppError } from '@jixiao/core';
import { type Actor, getSession, passwordChangeMessage, type ServiceContext } from '@jixiao/services';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_COOKIE = 'jixiao_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CookieSettings = { secure: boolean };

/** Sets the httpOnly session cookie and the script-readable CSRF cookie (double submit: echo it in the header). */
export const setSessionCookies = (
  reply: FastifyReply,
  settings: CookieSettings,
  session: { token: string; csrfToken: string; expiresAt: Date },
): void => {
  const common = { path: '/', sameSite: 'lax' as const, secure: settings.secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
};

export const clearSessionCookies = (reply: FastifyReply): void => {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
};

const timingSafeEqualText = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
};

/**
 * What a session may reach: 'full' everything its roles allow; 'password-change' also the few routes a user
 * whose password has expired or is temporary needs to change it (they name it in their route config).
 */
export type SessionAccess = 'full' | 'password-change';

/**
 * The signed-in actor of a request, or UNAUTHENTICATED. On a state-changing method the CSRF header must
 * match the session's token, so another site cannot ride on the cookie. A session that must change its
 * password first gets PASSWORD_CHANGE_REQUIRED unless the route allows 'password-change' access.
 */
export const authenticate = async (
  ctx: ServiceContext,
  request: FastifyRequest,
  access: SessionAccess = 'full',
): Promise<Actor> => {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('UNAUTHENTICATED');
  const session = await getSession(ctx, token);
  if (!session) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录');
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !timingSafeEqualText(header, session.csrfToken)) {
      throw new AppError('FORBIDDEN', '缺少或错误的 CSRF 令牌，请刷新页面后重试');
    }
  }
  if (session.passwordChange !== null && access === 'full') {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', passwordChangeMessage(session.passwordChange));
  }
  return session.actor;
};

export const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE];

declare module 'fastify' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface.
  interface FastifyRequest {
    /** Set by the protected scope's onRequest hook; routes inside it may rely on it. */
    actor: Actor | null;
  }
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface.
  interface FastifyContextConfig {
    /** Read by the protected scope's onRequest hook; 'full' when absent. */
    sessionAccess?: SessionAccess;
  }
}

/** The actor set by the protected scope's onRequest hook. */
export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
};
