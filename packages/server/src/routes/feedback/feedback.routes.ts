import {
  convertFeedbackToRectification,
  draftFeedbackReply,
  hideFeedback,
  listFeedback,
  publishFeedback,
  type ServiceContext,
} from '@jixiao/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { actorOf } from '../../http/session.ts';
import {
  convertFeedbackBody,
  draftReplyBody,
  feedbackListQuery,
  hideFeedbackBody,
  publishFeedbackBody,
} from './feedback.schema.ts';

/** 公众反馈 for staff: moderators (主管部门, 财政局) and the reports' units (reply drafts). */
export const feedbackRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const tags = ['feedback'];

  app.get(
    '/api/feedback',
    { schema: { tags, summary: '公众反馈列表（待审核在前，按权限范围）', querystring: feedbackListQuery } },
    async (request) => ({ items: await listFeedback(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/api/feedback/:id/draft-reply',
    { schema: { tags, summary: '起草答复（报告所属单位）', params: idParams, body: draftReplyBody } },
    async (request) =>
      draftFeedbackReply(ctx, actorOf(request), { feedbackId: request.params.id, draft: request.body.draft }),
  );

  app.post(
    '/api/feedback/:id/publish',
    { schema: { tags, summary: '公开反馈并答复（答复必填）', params: idParams, body: publishFeedbackBody } },
    async (request) =>
      publishFeedback(ctx, actorOf(request), { feedbackId: request.params.id, reply: request.body.reply }),
  );

  app.post(
    '/api/feedback/:id/hide',
    { schema: { tags, summary: '不予公开（须填写理由）', params: idParams, body: hideFeedbackBody } },
    async (request) =>
      hideFeedback(ctx, actorOf(request), { feedbackId: request.params.id, reason: request.body.reason }),
  );

  app.post(
    '/api/feedback/:id/rectification',
    { schema: { tags, summary: '转为整改事项', params: idParams, body: convertFeedbackBody } },
    async (request) =>
      convertFeedbackToRectification(ctx, actorOf(request), { feedbackId: request.params.id, ...request.body }),
  );
};
