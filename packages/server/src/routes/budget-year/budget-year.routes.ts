import { createEvaluationFromDeclaration, getBudgetYearComparison, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { evaluationFromDeclarationBody } from './budget-year.schema.ts';

/** The self-evaluation tied to the year before it: started from the approved targets, compared with them. */
export const budgetYearRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const tags = ['evaluations'];

  app.post(
    '/api/evaluations/from-declaration',
    {
      schema: {
        tags,
        summary: '从批复的绩效目标生成自评表草稿（单位填报人员）',
        body: evaluationFromDeclarationBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvaluationFromDeclaration(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/evaluations/:id/budget-year',
    { schema: { tags, summary: '绩效目标申报、运行监控与自评对照', params: idParams } },
    async (request) => getBudgetYearComparison(ctx, actorOf(request), request.params.id),
  );
};
