import { AppError } from '@jixiao/core';
import { getSession, login, logout, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  authenticate,
  type CookieSettings,
  clearSessionCookies,
  sessionToken,
  setSessionCookies,
} from '../../http/session.ts';
import { loginBody, meResponse } from './auth.schema.ts';

type AuthOptions = { ctx: ServiceContext; cookies: CookieSettings; loginRateLimit: number };

export const authRoutes: FastifyPluginAsyncZod<AuthOptions> = async (app, { ctx, cookies, loginRateLimit }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const signedIn = await login(ctx, request.body.username, request.body.password, request.ip);
      setSessionCookies(reply, cookies, signedIn);
      return { ...signedIn.actor, csrfToken: signedIn.csrfToken, passwordChangeRequired: signedIn.passwordChange };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    // Signing out must work while a password change is pending too.
    await authenticate(ctx, request, 'password-change');
    const token = sessionToken(request);
    if (token) await logout(ctx, token);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: meResponse } } },
    async (request) => {
      const token = sessionToken(request);
      const session = token ? await getSession(ctx, token) : undefined;
      if (!session) throw new AppError('UNAUTHENTICATED');
      return { ...session.actor, csrfToken: session.csrfToken, passwordChangeRequired: session.passwordChange };
    },
  );
};
