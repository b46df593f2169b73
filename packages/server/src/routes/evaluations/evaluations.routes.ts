import type { WorkflowAction } from '@jixiao/core';
import {
  approveEvaluation,
  createDraft,
  diffRevisions,
  getAttachment,
  getEvaluation,
  getRevision,
  importFileIntoDraft,
  listEvaluations,
  listReviewQueue,
  publishEvaluation,
  returnEvaluation,
  type ServiceContext,
  submitEvaluation,
  type TransitionInput,
  unpublishEvaluation,
  updateDraft,
  withdrawEvaluation,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, reasonBody } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import { createBody, diffQuery, importBody, listQuery, revisionParams, updateBody } from './evaluations.schema.ts';

const TRANSITIONS = {
  submit: submitEvaluation,
  withdraw: withdrawEvaluation,
  approve: approveEvaluation,
  return: returnEvaluation,
  publish: publishEvaluation,
  unpublish: unpublishEvaluation,
} as const satisfies Record<Exclude<WorkflowAction, 'edit'>, unknown>;

/** An uploaded file may load nothing, run nothing and is an opaque origin if a browser ever renders it. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

const TRANSITION_SUMMARIES: Record<keyof typeof TRANSITIONS, string> = {
  submit: '送审',
  withdraw: '撤回送审（单位审核前）',
  approve: '审核通过（送往下一环节）',
  return: '退回（须填写原因）',
  publish: '公开',
  unpublish: '撤回公开（须填写原因）',
};

export const evaluationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; importBodyLimit: number }> = async (
  app,
  { ctx, importBodyLimit },
) => {
  const tags = ['evaluations'];

  app.get(
    '/api/evaluations',
    { schema: { tags, summary: '自评列表（按权限范围）', querystring: listQuery } },
    async (request) => {
      const { year, lowExecution, ...rest } = request.query;
      return listEvaluations(ctx, actorOf(request), {
        ...rest,
        fiscalYear: year,
        lowExecution: lowExecution === '1',
      });
    },
  );

  app.post(
    '/api/evaluations',
    { schema: { tags, summary: '新建自评草稿', body: createBody } },
    async (request, reply) => {
      const view = await createDraft(ctx, actorOf(request), request.body);
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/evaluations/import',
    {
      bodyLimit: importBodyLimit,
      // Imports parse untrusted files: bounded per address, on top of the body limit and the readers' guards.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '导入自评表文件为草稿', body: importBody },
    },
    async (request, reply) => {
      // mediaType is accepted for old clients and ignored: the stored file is typed by its content.
      const { contentBase64, organizationId, fileName, ruleSetId, confirmUnitMismatch, into } = request.body;
      const result = await importFileIntoDraft(ctx, actorOf(request), {
        organizationId,
        fileName,
        ruleSetId,
        confirmUnitMismatch,
        into,
        bytes: new Uint8Array(Buffer.from(contentBase64, 'base64')),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/review-queue',
    {
      schema: { tags, summary: '审核队列：等待本人各审核角色处理的自评，按风险排序（最多 500 份，total 为全部份数）' },
    },
    async (request) => listReviewQueue(ctx, actorOf(request)),
  );

  app.get('/api/evaluations/:id', { schema: { tags, summary: '自评详情', params: idParams } }, async (request) =>
    getEvaluation(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/evaluations/:id',
    { schema: { tags, summary: '保存草稿（乐观并发：须带 expectedVersion）', params: idParams, body: updateBody } },
    async (request) => updateDraft(ctx, actorOf(request), { evaluationId: request.params.id, ...request.body }),
  );

  for (const [action, run] of Object.entries(TRANSITIONS) as [
    keyof typeof TRANSITIONS,
    (typeof TRANSITIONS)[keyof typeof TRANSITIONS],
  ][]) {
    app.post(
      `/api/evaluations/:id/${action}`,
      { schema: { tags, summary: TRANSITION_SUMMARIES[action], params: idParams, body: reasonBody.optional() } },
      async (request) => {
        const input: TransitionInput = {
          evaluationId: request.params.id,
          reason: request.body?.reason,
          expectedVersion: request.body?.expectedVersion,
        };
        return run(ctx, actorOf(request), input);
      },
    );
  }

  app.get(
    '/api/evaluations/:id/diff',
    { schema: { tags, summary: '比较两个版本', params: idParams, querystring: diffQuery } },
    async (request) =>
      diffRevisions(ctx, actorOf(request), {
        evaluationId: request.params.id,
        fromRevisionId: request.query.from,
        toRevisionId: request.query.to,
      }),
  );

  app.get(
    '/api/evaluations/:id/revisions/:revisionId',
    { schema: { tags, summary: '某一版本的表单与得分', params: revisionParams } },
    async (request) =>
      getRevision(ctx, actorOf(request), { evaluationId: request.params.id, revisionId: request.params.revisionId }),
  );

  app.get(
    '/api/attachments/:id',
    { schema: { tags, summary: '下载导入的原始文件', params: idParams } },
    async (request, reply) => {
      const file = await getAttachment(ctx, actorOf(request), request.params.id);
      // An upload is someone else's bytes in our origin: typed by its content, downloaded, never sniffed into a
      // script or a page, and sandboxed should anything still render it.
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', file.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', ATTACHMENT_CSP)
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', file.sha256)
        .send(Buffer.from(file.bytes));
    },
  );
};
