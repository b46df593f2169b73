import {
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetUserPassword,
  revokeUserSessions,
  type ServiceContext,
  setUserRoles,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import {
  createdUserResponse,
  createUserBody,
  passwordResetResponse,
  rolesSetResponse,
  sessionsRevokedResponse,
  setRolesBody,
  userDisabledResponse,
  userEnabledResponse,
} from './users.schema.ts';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const tags = ['users'];

  app.get('/api/users', { schema: { tags, summary: '用户列表（管理员，本级及下级单位）' } }, async (request) =>
    listUsers(ctx, actorOf(request)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新增用户（管理员；首次登录须修改密码；不给密码时生成临时密码，仅返回这一次）',
        body: createUserBody,
        response: { 201: createdUserResponse },
      },
    },
    async (request, reply) => {
      const created = await createUser(ctx, actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/users/:id/disable',
    {
      schema: {
        tags,
        summary: '停用账户（管理员；立即结束其全部会话）',
        params: idParams,
        response: { 200: userDisabledResponse },
      },
    },
    async (request) => disableUser(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: '修改账户的角色（管理员；不能修改自己的角色）',
        params: idParams,
        body: setRolesBody,
        response: { 200: rolesSetResponse },
      },
    },
    async (request) => setUserRoles(ctx, actorOf(request), { userId: request.params.id, roles: request.body.roles }),
  );

  app.post(
    '/api/users/:id/enable',
    { schema: { tags, summary: '启用账户（管理员）', params: idParams, response: { 200: userEnabledResponse } } },
    async (request) => enableUser(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（管理员；返回一次性显示的临时密码，登录后须修改）',
        params: idParams,
        response: { 200: passwordResetResponse },
      },
    },
    async (request) => resetUserPassword(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: {
        tags,
        summary: '结束该用户的全部会话（管理员）',
        params: idParams,
        response: { 200: sessionsRevokedResponse },
      },
    },
    async (request) => revokeUserSessions(ctx, actorOf(request), request.params.id),
  );
};
