import {
  adjustDeclaration,
  createDeclaration,
  getDeclaration,
  importDeclaration,
  listDeclarations,
  type RenderedDocument,
  renderDeclarationDocument,
  type ServiceContext,
  transitionDeclaration,
  updateDeclaration,
} from '@jixiao/services';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { bytesOf } from '../evidence/evidence.schema.ts';
import {
  adjustDeclarationBody,
  createDeclarationBody,
  DECLARATION_DOCUMENTS,
  DECLARATION_STEPS,
  importDeclarationBody,
  listDeclarationsQuery,
  stepDeclarationBody,
  updateDeclarationBody,
} from './declarations.schema.ts';

const STEP_SUMMARIES: Record<(typeof DECLARATION_STEPS)[number], string> = {
  submit: '绩效目标送审（单位填报）',
  withdraw: '撤回送审（单位填报，单位审核前）',
  approve: '审核通过（单位审核 → 主管部门 → 财政局，不能审核本人提交的版本）',
  return: '退回修改（各级审核，须填写理由）',
};

const DOCUMENT_SUMMARIES: Record<(typeof DECLARATION_DOCUMENTS)[number], string> = {
  'document.xlsx': '下载绩效目标申报表（Excel）',
  'document.pdf': '下载绩效目标申报表（PDF）',
};

const send = (reply: FastifyReply, document: RenderedDocument) =>
  reply
    .header('content-type', document.contentType)
    .header('content-disposition', document.contentDisposition)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(document.bytes));

/** 绩效目标申报: the unit declares a project's targets before the year; reviewed like evaluations, locked once approved. */
export const declarationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; bodyLimit: number }> = async (
  app,
  { ctx, bodyLimit },
) => {
  const tags = ['declarations'];

  app.get(
    '/api/declarations',
    { schema: { tags, summary: '绩效目标申报列表（按权限范围）', querystring: listDeclarationsQuery } },
    async (request) => {
      const { year, ...rest } = request.query;
      return listDeclarations(ctx, actorOf(request), { ...rest, fiscalYear: year });
    },
  );

  app.post(
    '/api/declarations',
    {
      schema: {
        tags,
        summary: '新建绩效目标申报（单位填报；同一项目同一年度只能申报一次）',
        body: createDeclarationBody,
      },
    },
    async (request, reply) => reply.status(201).send(await createDeclaration(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/declarations/import',
    {
      bodyLimit,
      // Imports parse untrusted files: bounded per address, on top of the body limit and the readers' guards.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '导入绩效目标申报表文件（单位填报）', body: importDeclarationBody },
    },
    async (request, reply) => {
      const { organizationId, fileName, contentBase64 } = request.body;
      const result = await importDeclaration(ctx, actorOf(request), {
        organizationId,
        fileName,
        bytes: bytesOf(contentBase64),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/declarations/:id',
    { schema: { tags, summary: '绩效目标申报详情（含目标质量检查和处理记录）', params: idParams } },
    async (request) => getDeclaration(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/declarations/:id',
    {
      schema: {
        tags,
        summary: '保存绩效目标申报表（填报中或已退回；版本不符时 409）',
        params: idParams,
        body: updateDeclarationBody,
      },
    },
    async (request) =>
      updateDeclaration(ctx, actorOf(request), {
        declarationId: request.params.id,
        expectedVersion: request.body.version,
        form: request.body.form,
      }),
  );

  for (const action of DECLARATION_STEPS) {
    app.post(
      `/api/declarations/:id/${action}`,
      { schema: { tags, summary: STEP_SUMMARIES[action], params: idParams, body: stepDeclarationBody.optional() } },
      async (request) =>
        transitionDeclaration(ctx, actorOf(request), action, {
          declarationId: request.params.id,
          reason: request.body?.reason,
          expectedVersion: request.body?.version,
        }),
    );
  }

  app.post(
    '/api/declarations/:id/adjust',
    {
      schema: {
        tags,
        summary: '调整已通过的绩效目标：新建一个版本，重新审核通过后替代原版本（单位填报，须填写原因）',
        params: idParams,
        body: adjustDeclarationBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await adjustDeclaration(ctx, actorOf(request), { declarationId: request.params.id, ...request.body })),
  );

  for (const kind of DECLARATION_DOCUMENTS) {
    app.get(
      `/api/declarations/:id/${kind}`,
      { schema: { tags, summary: DOCUMENT_SUMMARIES[kind], params: idParams } },
      async (request, reply) =>
        send(reply, await renderDeclarationDocument(ctx, actorOf(request), request.params.id, kind)),
    );
  }
};
