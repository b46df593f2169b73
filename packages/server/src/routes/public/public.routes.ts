import { getPublishedEvaluation, listPublishedEvaluations, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { publicListQuery, publicListResponse } from './public.schema.ts';

/** Anonymous disclosure API: published evaluations only. */
export const publicRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/public/evaluations',
    {
      schema: {
        tags: ['public'],
        summary: '已公开的绩效自评列表',
        querystring: publicListQuery,
        response: { 200: publicListResponse },
      },
    },
    async (request) => listPublishedEvaluations(ctx, request.query),
  );

  app.get(
    '/api/public/evaluations/:id',
    { schema: { tags: ['public'], summary: '已公开的绩效自评详情（指标、得分与计分说明）', params: idParams } },
    async (request) => getPublishedEvaluation(ctx, request.params.id),
  );
};
