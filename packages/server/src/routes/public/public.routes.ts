import { Readable } from 'node:stream';
import {
  getPublishedEvaluationJson,
  listPublishedEvaluationsJson,
  openPublishedIndicators,
  publishedIndicatorsCsv,
  publishedIndicatorsJson,
  type ServiceContext,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { sendSerializedJson } from '../../http/serialized-json.ts';
import { openDataCsvQuery, openDataQuery, publicListQuery, publicListResponse } from './public.schema.ts';

/** Whole open-data exports one client address may start per minute, in each format. */
export const OPEN_DATA_PER_MINUTE = 10;

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
    // The page is cached as the JSON it is sent as: no serialising per request (its shape is the schema's, by type).
    async (request, reply) => sendSerializedJson(reply, await listPublishedEvaluationsJson(ctx, request.query)),
  );

  app.get(
    '/api/public/evaluations/:id',
    { schema: { tags: ['public'], summary: '已公开的绩效自评详情（指标、得分与计分说明）', params: idParams } },
    // The page is cached as the JSON it is sent as (the stored page with today's names): no serialising per request.
    async (request, reply) => sendSerializedJson(reply, await getPublishedEvaluationJson(ctx, request.params.id)),
  );

  // Open data at stable URLs: every indicator of every published evaluation, as JSON and as CSV. Both are
  // streamed a page of evaluations at a time (a province's export is hundreds of megabytes); whole exports are
  // heavy, so each address may start a few a minute.
  const openData = { rateLimit: { max: OPEN_DATA_PER_MINUTE, timeWindow: '1 minute' } };
  app.get(
    '/api/public/indicators.json',
    {
      schema: { tags: ['public'], summary: '开放数据：全部已公开指标（JSON）', querystring: openDataQuery },
      config: openData,
    },
    async (request, reply) => {
      const pages = await openPublishedIndicators(ctx, request.query);
      return reply
        .type('application/json; charset=utf-8')
        .send(Readable.from(publishedIndicatorsJson(pages), { objectMode: false }));
    },
  );

  app.get(
    '/api/public/indicators.csv',
    {
      schema: {
        tags: ['public'],
        summary: '开放数据：全部已公开指标（CSV，UTF-8；header=zh 中文列名（默认）、en 字段名、both 两行）',
        querystring: openDataCsvQuery,
      },
      config: openData,
    },
    async (request, reply) => {
      const pages = await openPublishedIndicators(ctx, { year: request.query.year });
      const name = request.query.year ? `jixiao-indicators-${request.query.year}.csv` : 'jixiao-indicators.csv';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(publishedIndicatorsCsv(pages, request.query.header), { objectMode: false }));
    },
  );
};
