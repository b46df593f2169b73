import { listRuleSets } from '@jixiao/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ruleSetsResponse } from './rule-sets.schema.ts';

/** The scoring rule sets are public regulation, so anyone may list them. */
export const ruleSetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rule-sets',
    { schema: { tags: ['rule-sets'], summary: '评分规则集', response: { 200: ruleSetsResponse } } },
    async () =>
      listRuleSets().map((ruleSet) => ({
        id: ruleSet.id,
        version: ruleSet.version,
        name: ruleSet.name,
        status: ruleSet.status,
      })),
  );
};
