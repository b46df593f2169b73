import { fileAppeal, getEvaluationAppeals, listAppeals, ruleAppeal, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { bytesOf } from '../evidence/evidence.schema.ts';
import { appealListQuery, fileAppealBody, ruleAppealBody } from './appeals.schema.ts';

/** 申诉 by a unit against the bureau's decision, and the bureau's 复议. */
export const appealRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; bodyLimit: number }> = async (
  app,
  { ctx, bodyLimit },
) => {
  const tags = ['appeals'];

  app.get(
    '/api/evaluations/:id/appeals',
    { schema: { tags, summary: '自评的申诉、能否申诉及截止日期', params: idParams } },
    async (request) => getEvaluationAppeals(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/evaluations/:id/appeals',
    {
      bodyLimit,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '申诉（须写明理由，可附佐证材料）', params: idParams, body: fileAppealBody },
    },
    async (request, reply) => {
      const appeal = await fileAppeal(ctx, actorOf(request), {
        evaluationId: request.params.id,
        reasons: request.body.reasons,
        files: request.body.files.map((file) => ({ fileName: file.fileName, bytes: bytesOf(file.contentBase64) })),
      });
      return reply.status(201).send(appeal);
    },
  );

  app.get(
    '/api/appeals',
    { schema: { tags, summary: '申诉列表（按权限范围，待复议在前）', querystring: appealListQuery } },
    async (request) => ({ items: await listAppeals(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/api/appeals/:id/rule',
    {
      schema: {
        tags,
        summary: '复议：维持或改变（得分、撤销问题），须写明理由',
        params: idParams,
        body: ruleAppealBody,
      },
    },
    async (request) => ruleAppeal(ctx, actorOf(request), { appealId: request.params.id, ...request.body }),
  );
};
