import {
  type BulkAuditRunner,
  getBulkAudit,
  listBulkAudits,
  renderBulkAuditSummary,
  type ServiceContext,
  startBulkAudit,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { jobParams, startBody, summaryParams } from './bulk-audits.schema.ts';

/** Bulk audit of an uploaded zip of reports, for the reviewers: start, follow, download the results. */
export const bulkAuditRoutes: FastifyPluginAsyncZod<{
  ctx: ServiceContext;
  runner: BulkAuditRunner;
  bodyLimit: number;
}> = async (app, { ctx, runner, bodyLimit }) => {
  const tags = ['bulk-audits'];

  app.post(
    '/api/bulk-audits',
    {
      bodyLimit,
      // Each upload holds its reports in memory and keeps the workers busy: bounded per address as well.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: '上传自评报告压缩包（.zip），在后台批量审核', body: startBody },
    },
    async (request, reply) => {
      const { contentBase64, fileName, ruleSetId } = request.body;
      const job = await startBulkAudit(ctx, runner, actorOf(request), {
        fileName,
        ruleSetId,
        bytes: new Uint8Array(Buffer.from(contentBase64, 'base64')),
      });
      return reply.status(202).send(job);
    },
  );

  app.get('/api/bulk-audits', { schema: { tags, summary: '我的批量审核任务（最新在前）' } }, async (request) => ({
    items: await listBulkAudits(ctx, actorOf(request)),
  }));

  app.get(
    '/api/bulk-audits/:id',
    { schema: { tags, summary: '批量审核任务的进度与结果', params: jobParams } },
    async (request) => getBulkAudit(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/bulk-audits/:id/:kind',
    { schema: { tags, summary: '下载批量审核结果（.xlsx / .html / .json）', params: summaryParams } },
    async (request, reply) => {
      const document = await renderBulkAuditSummary(ctx, actorOf(request), request.params.id, request.params.kind);
      return reply
        .header('content-type', document.contentType)
        .header('content-disposition', document.contentDisposition)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(document.bytes));
    },
  );
};
