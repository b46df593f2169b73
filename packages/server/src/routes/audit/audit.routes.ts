import { type ServiceContext, verifyAuditLog } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get('/api/audit-log/verify', { schema: { tags: ['audit'], summary: '校验审计日志哈希链' } }, async (request) =>
    verifyAuditLog(ctx, actorOf(request)),
  );
};
