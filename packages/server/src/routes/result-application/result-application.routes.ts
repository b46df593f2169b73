import {
  getResultApplicationYear,
  recordResultApplication,
  renderResultApplicationTable,
  type ServiceContext,
  setResultApplicationPolicy,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import {
  decisionBody,
  decisionParams,
  policyBody,
  policyParams,
  resultApplicationQuery,
  resultApplicationTableQuery,
} from './result-application.schema.ts';

/** 结果应用: the bureau's yearly policy, its decision per result, and the 结果应用表 for the budget department. */
export const resultApplicationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/result-application',
    {
      schema: {
        tags: ['result-application'],
        summary: '某年度的结果应用：政策（未设定时为默认政策）与每个已通过项目的建议和决定',
        querystring: resultApplicationQuery,
      },
    },
    async (request) => getResultApplicationYear(ctx, actorOf(request), { fiscalYear: request.query.year }),
  );

  app.put(
    '/api/result-application/policies/:year',
    {
      schema: {
        tags: ['result-application'],
        summary: '设定某年度各等级的结果应用方式与申诉期限（财政局）',
        params: policyParams,
        body: policyBody,
      },
    },
    async (request) =>
      setResultApplicationPolicy(ctx, actorOf(request), { fiscalYear: request.params.year, ...request.body }),
  );

  app.put(
    '/api/result-application/decisions/:evaluationId',
    {
      schema: {
        tags: ['result-application'],
        summary: '记录某项目评价结果的决定应用方式（财政局；与建议不一致时须填写理由）',
        params: decisionParams,
        body: decisionBody,
      },
    },
    async (request) =>
      recordResultApplication(ctx, actorOf(request), { evaluationId: request.params.evaluationId, ...request.body }),
  );

  app.get(
    '/api/result-application/table.xlsx',
    {
      schema: {
        tags: ['result-application'],
        summary: '下载某年度项目支出绩效评价结果应用表（Excel）',
        querystring: resultApplicationTableQuery,
      },
    },
    async (request, reply) => {
      const document = await renderResultApplicationTable(ctx, actorOf(request), request.query.year);
      return reply
        .header('content-type', document.contentType)
        .header('content-disposition', document.contentDisposition)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(document.bytes));
    },
  );
};
