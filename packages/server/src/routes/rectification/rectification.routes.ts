import {
  attachRectificationEvidence,
  cancelRectificationItem,
  createRectificationItem,
  getRectificationItem,
  listRectificationItems,
  proposeRectificationItems,
  type ServiceContext,
  stepRectificationItem,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { bytesOf } from '../evidence/evidence.schema.ts';
import {
  cancelRectificationBody,
  createRectificationBody,
  listRectificationQuery,
  RECTIFICATION_STEP_ACTIONS,
  rectificationEvidenceBody,
  reviseRectificationBody,
  stepRectificationBody,
} from './rectification.schema.ts';

const STEP_SUMMARIES: Record<(typeof RECTIFICATION_STEP_ACTIONS)[number], string> = {
  start: '开始整改（责任单位）',
  update: '更新整改进展（责任单位）',
  submit: '提交整改材料待验收（责任单位，须已上传佐证材料）',
  return: '退回继续整改（审核人员，须填写理由）',
  close: '验收销号（审核人员，须填写验收意见）',
};

/** 整改 items: reviewers register and close them, the owner unit works them; evidence downloads via /api/attachments/:id. */
export const rectificationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; bodyLimit: number }> = async (
  app,
  { ctx, bodyLimit },
) => {
  const tags = ['rectification'];

  app.get(
    '/api/rectification-items',
    { schema: { tags, summary: '整改事项列表（按权限范围，逾期在前）', querystring: listRectificationQuery } },
    async (request) => {
      const { year, overdue, ...rest } = request.query;
      return listRectificationItems(ctx, actorOf(request), {
        ...rest,
        fiscalYear: year,
        overdue: overdue === 'true',
      });
    },
  );

  app.post(
    '/api/rectification-items',
    { schema: { tags, summary: '登记整改事项（主管部门或财政局审核人员）', body: createRectificationBody } },
    async (request, reply) =>
      reply.status(201).send(await createRectificationItem(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/rectification-items/:id',
    { schema: { tags, summary: '整改事项详情（含佐证材料和处理记录）', params: idParams } },
    async (request) => getRectificationItem(ctx, actorOf(request), request.params.id),
  );

  for (const action of RECTIFICATION_STEP_ACTIONS) {
    app.post(
      `/api/rectification-items/:id/${action}`,
      { schema: { tags, summary: STEP_SUMMARIES[action], params: idParams, body: stepRectificationBody.optional() } },
      async (request) =>
        stepRectificationItem(ctx, actorOf(request), { itemId: request.params.id, action, ...request.body }),
    );
  }

  app.post(
    '/api/rectification-items/:id/revise',
    {
      schema: {
        tags,
        summary: '修改整改事项的描述、措施或期限（审核人员，须填写理由；销号前）',
        params: idParams,
        body: reviseRectificationBody,
      },
    },
    async (request) =>
      stepRectificationItem(ctx, actorOf(request), { itemId: request.params.id, action: 'revise', ...request.body }),
  );

  app.post(
    '/api/rectification-items/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销误登记的整改事项（登记该事项的审核人员或财政局审核人员，须填写理由；销号前）',
        params: idParams,
        body: cancelRectificationBody,
      },
    },
    async (request) => cancelRectificationItem(ctx, actorOf(request), { itemId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/rectification-items/:id/evidence',
    {
      bodyLimit,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '上传整改佐证材料（责任单位，待整改或整改中）',
        params: idParams,
        body: rectificationEvidenceBody,
      },
    },
    async (request, reply) => {
      const file = await attachRectificationEvidence(ctx, actorOf(request), {
        itemId: request.params.id,
        fileName: request.body.fileName,
        bytes: bytesOf(request.body.contentBase64),
      });
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/api/evaluations/:id/rectification-proposals',
    { schema: { tags, summary: '从“存在的问题”生成整改事项建议（含匹配的改进措施）', params: idParams } },
    async (request) => proposeRectificationItems(ctx, actorOf(request), request.params.id),
  );
};
