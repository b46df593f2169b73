import type { DatabaseKind } from '@jixiao/db';
import { checkHealth, type ServiceContext } from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthResponse } from './health.schema.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; databaseKind: DatabaseKind }> = async (
  app,
  { ctx, databaseKind },
) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查（含只读副本状态）', response: { 200: healthResponse } } },
    async () => {
      const { replica } = await checkHealth(ctx);
      return {
        status: 'ok' as const,
        database: databaseKind,
        ...(replica && { replica: { ...replica, checkedAt: replica.checkedAt?.toISOString() ?? null } }),
      };
    },
  );
};
