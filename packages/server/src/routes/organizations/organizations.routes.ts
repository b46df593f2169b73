import {
  createOrganization,
  loadOrganizationTree,
  type Organization,
  type ServiceContext,
  updateOrganizationSettings,
  visibleOrganizationIds,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { createOrganizationBody, renameOrganizationBody, stopOrganizationBody } from './organizations.schema.ts';

const organizationView = (organization: Organization) => ({
  id: organization.id,
  name: organization.name,
  kind: organization.kind,
  parentId: organization.parent_id,
  stoppedAt: organization.stopped_at?.toISOString() ?? null,
});

export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const tags = ['organizations'];

  app.get('/api/organizations', { schema: { tags, summary: '可见的单位' } }, async (request) => {
    const tree = await loadOrganizationTree(ctx.db);
    return visibleOrganizationIds(actorOf(request), tree).flatMap((id) => {
      const organization = tree.byId.get(id);
      return organization ? [organizationView(organization)] : [];
    });
  });

  app.post(
    '/api/organizations',
    { schema: { tags, summary: '新增单位（管理员）', body: createOrganizationBody } },
    async (request, reply) => {
      const created = await createOrganization(ctx, actorOf(request), request.body);
      return reply.status(201).send(organizationView(created));
    },
  );

  app.patch(
    '/api/organizations/:id',
    { schema: { tags, summary: '重命名单位（上级单位的管理员）', params: idParams, body: renameOrganizationBody } },
    async (request) =>
      organizationView(
        await updateOrganizationSettings(ctx, actorOf(request), {
          organizationId: request.params.id,
          change: 'rename',
          name: request.body.name,
        }),
      ),
  );

  app.post(
    '/api/organizations/:id/stop',
    {
      schema: {
        tags,
        summary: '停用单位（须填写原因；不能再新建自评和账户，已有记录保留）',
        params: idParams,
        body: stopOrganizationBody,
      },
    },
    async (request) =>
      organizationView(
        await updateOrganizationSettings(ctx, actorOf(request), {
          organizationId: request.params.id,
          change: 'stop',
          reason: request.body.reason,
        }),
      ),
  );

  app.post(
    '/api/organizations/:id/resume',
    { schema: { tags, summary: '重新启用单位', params: idParams } },
    async (request) =>
      organizationView(
        await updateOrganizationSettings(ctx, actorOf(request), {
          organizationId: request.params.id,
          change: 'resume',
        }),
      ),
  );
};
