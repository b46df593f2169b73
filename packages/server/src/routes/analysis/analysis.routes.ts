import { analyzeRisks, type ServiceContext, summarizeDashboard } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { dashboardQuery, dashboardResponse, risksQuery, risksResponse } from './analysis.schema.ts';

/** Analyses over what the caller may see (their units and below): risk signals and the dashboard. */
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

  app.get(
    '/api/analysis/dashboard',
    {
      schema: {
        tags: ['analysis'],
        summary: '绩效看板：流程进度、等级分布、执行率与得分、审核发现按类型和主管部门、历年平均分',
        querystring: dashboardQuery,
        response: { 200: dashboardResponse },
      },
    },
    async (request) => summarizeDashboard(ctx, actorOf(request), { fiscalYear: request.query.year }),
  );
};
