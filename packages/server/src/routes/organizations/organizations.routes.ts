import {
  createOrganization,
  loadOrganizationTree,
  type ServiceContext,
  visibleOrganizationIds,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/session.ts';
import { createOrganizationBody } from './organizations.schema.ts';

export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const tags = ['organizations'];

  app.get('/api/organizations', { schema: { tags, summary: '可见的单位' } }, async (request) => {
    const tree = await loadOrganizationTree(ctx.db);
    return visibleOrganizationIds(actorOf(request), tree).flatMap((id) => {
      const organization = tree.byId.get(id);
      return organization
        ? [{ id: organization.id, name: organization.name, kind: organization.kind, parentId: organization.parent_id }]
        : [];
    });
  });

  app.post(
    '/api/organizations',
    { schema: { tags, summary: '新增单位（管理员）', body: createOrganizationBody } },
    async (request, reply) => {
      const created = await createOrganization(ctx, actorOf(request), request.body);
      return reply
        .status(201)
        .send({ id: created.id, name: created.name, kind: created.kind, parentId: created.parent_id });
    },
  );
};
