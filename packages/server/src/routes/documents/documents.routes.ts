import {
  type RenderedDocument,
  renderEvaluationDocument,
  renderPublishedDocument,
  type ServiceContext,
} from '@jixiao/services';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { documentParams } from './documents.schema.ts';

const send = (reply: FastifyReply, document: RenderedDocument) =>
  reply
    .header('content-type', document.contentType)
    .header('content-disposition', document.contentDisposition)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(document.bytes));

/** Public downloads one client address may make per minute. */
export const PUBLIC_DOWNLOADS_PER_MINUTE = 60;

/** Downloads of a published evaluation: the 自评报告 (Word, PDF, HTML) and the 自评表 (Excel). */
export const publicDocumentRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/public/evaluations/:id/documents/:kind',
    {
      schema: { tags: ['public'], summary: '下载已公开自评的报告或自评表', params: documentParams },
      // Renders are cached per published revision, but a first PDF costs Chromium a quarter of a second.
      config: { rateLimit: { max: PUBLIC_DOWNLOADS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => send(reply, await renderPublishedDocument(ctx, request.params.id, request.params.kind)),
  );
};

/** The same documents of the current revision, for those who may see the evaluation. */
export const documentRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/evaluations/:id/documents/:kind',
    {
      schema: {
        tags: ['evaluations'],
        summary: '下载自评报告（Word / PDF / HTML）或自评表（Excel）',
        params: documentParams,
      },
    },
    async (request, reply) =>
      send(reply, await renderEvaluationDocument(ctx, actorOf(request), request.params.id, request.params.kind)),
  );
};
