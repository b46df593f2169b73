import { analyzeRisks, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { risksQuery, risksResponse } from './analysis.schema.ts';

/** Cross-unit and cross-year risk signals over what the caller may see (their units and below). */
export const analysisRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/analysis/risks',
    {
      schema: {
        tags: ['analysis'],
        summary: '跨单位、跨年度风险信号（目标偏低、连年超额、高分低执行、效益全定性、问题反复出现）',
        querystring: risksQuery,
        response: { 200: risksResponse },
      },
    },
    async (request) => analyzeRisks(ctx, actorOf(request), { fiscalYear: request.query.year }),
  );
};
