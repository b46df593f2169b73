import { createUser, listUsers, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { createUserBody } from './users.schema.ts';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: '用户列表（管理员，本级及下级单位）' } },
    async (request) => listUsers(ctx, actorOf(request)),
  );

  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: '新增用户（管理员）', body: createUserBody } },
    async (request, reply) => {
      const created = await createUser(ctx, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );
};
