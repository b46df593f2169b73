import {
  attachIndicatorEvidence,
  deleteIndicatorEvidence,
  listIndicatorEvidence,
  type ServiceContext,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { attachEvidenceBody, bytesOf, evidenceParams } from './evidence.schema.ts';

/** 佐证材料 per indicator row; a file is downloaded through GET /api/attachments/:id like every upload. */
export const evidenceRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; bodyLimit: number }> = async (
  app,
  { ctx, bodyLimit },
) => {
  const tags = ['evidence'];

  app.get(
    '/api/evaluations/:id/evidence',
    { schema: { tags, summary: '自评的佐证材料清单', params: idParams } },
    async (request) => listIndicatorEvidence(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/evaluations/:id/evidence',
    {
      bodyLimit,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: '为一行指标上传佐证材料（草稿或退回时）', params: idParams, body: attachEvidenceBody },
    },
    async (request, reply) => {
      const { indicatorName, fileName, contentBase64 } = request.body;
      const file = await attachIndicatorEvidence(ctx, actorOf(request), {
        evaluationId: request.params.id,
        indicatorName,
        fileName,
        bytes: bytesOf(contentBase64),
      });
      return reply.status(201).send(file);
    },
  );

  app.delete(
    '/api/evaluations/:id/evidence/:attachmentId',
    { schema: { tags, summary: '删除佐证材料（草稿或退回时）', params: evidenceParams } },
    async (request, reply) => {
      await deleteIndicatorEvidence(ctx, actorOf(request), {
        evaluationId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply.status(204).send();
    },
  );
};
