import { AppError } from '@jixiao/core';
import { changePassword, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, sessionToken } from '../../http/session.ts';
import { changePasswordBody } from './auth.schema.ts';

type PasswordOptions = { ctx: ServiceContext; rateLimit: number };

/**
 * Inside the protected scope (401 before validation, CSRF checked), yet reachable by a session that must change
 * its password first. Rate-limited like login: a stolen session must not become a way to guess the password.
 */
export const passwordRoutes: FastifyPluginAsyncZod<PasswordOptions> = async (app, { ctx, rateLimit }) => {
  app.post(
    '/api/auth/password',
    {
      config: { sessionAccess: 'password-change', rateLimit: { max: rateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '修改本人密码（其他会话随之退出）', body: changePasswordBody },
    },
    async (request) => {
      const token = sessionToken(request);
      if (!token) throw new AppError('UNAUTHENTICATED');
      return changePassword(ctx, actorOf(request), { ...request.body, sessionToken: token });
    },
  );
};
