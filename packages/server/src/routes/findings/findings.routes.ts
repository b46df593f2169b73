import { listFindings, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { findingsQuery } from './findings.schema.ts';

export const findingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/findings',
    { schema: { tags: ['findings'], summary: '审核发现（跨单位）', querystring: findingsQuery } },
    async (request) => {
      const { year, ...rest } = request.query;
      return listFindings(ctx, actorOf(request), { ...rest, fiscalYear: year });
    },
  );
};
