import { listEvaluationAudit, type ServiceContext, verifyAuditLog } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { auditTrailQuery } from './audit.schema.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/evaluations/:id/audit',
    {
      schema: {
        tags: ['evaluations'],
        summary: '操作记录（按序号分页：limit、after = 上一页的 nextAfter）',
        params: idParams,
        querystring: auditTrailQuery,
      },
    },
    async (request) => listEvaluationAudit(ctx, actorOf(request), request.params.id, request.query),
  );

  // Reads the log a page at a time (db: verifyAuditChain), so a long log does not sit in memory.
  app.get('/api/audit-log/verify', { schema: { tags: ['audit'], summary: '校验审计日志哈希链' } }, async (request) =>
    verifyAuditLog(ctx, actorOf(request)),
  );
};
