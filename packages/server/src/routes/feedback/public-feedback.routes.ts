import { randomBytes } from 'node:crypto';
import { AppError } from '@jixiao/core';
import { listPublishedFeedbackOf, type ServiceContext, submitPublicFeedback } from '@jixiao/services';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../http/common.schema.ts';
import { publicFeedbackBody, publicFeedbackReceipt, publishedFeedbackList } from './feedback.schema.ts';

/** Feedback posts one address may make a minute (the use case's hourly and per-report limits are tighter). */
export const FEEDBACK_POSTS_PER_MINUTE = 10;

/**
 * The feedback form posts without a session, so there is no cookie for another site to ride on; still, a page
 * elsewhere must not make its visitors' browsers post here in their name (and from their addresses). A browser
 * names the page's origin on every cross-origin POST (and Sec-Fetch-Site on modern ones): both must say this
 * site. Clients that send neither (curl, scripts) are no browser's visitors and meet the same limits.
 */
const assertSameOrigin = (request: FastifyRequest): void => {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite = typeof site === 'string' && site !== 'same-origin' && site !== 'none';
  const foreignOrigin = typeof origin === 'string' && origin !== `${request.protocol}://${request.host}`;
  if (crossSite || foreignOrigin) throw new AppError('FORBIDDEN', '请在本站报告页面提交反馈');
};

export type PublicFeedbackOptions = {
  ctx: ServiceContext;
  /**
   * The key the senders' addresses are hashed with. By default a random key per process: the stored hashes
   * then mean nothing to anyone who reads the database, at the price of the hourly and daily counts starting
   * afresh when the server restarts.
   */
  sourceKey?: Uint8Array | undefined;
};

/** Public feedback on published reports: read the published messages, send one (no account). */
export const publicFeedbackRoutes: FastifyPluginAsyncZod<PublicFeedbackOptions> = async (app, options) => {
  const { ctx } = options;
  const sourceKey = options.sourceKey ?? randomBytes(32);
  const tags = ['public'];

  app.get(
    '/api/public/evaluations/:id/feedback',
    {
      schema: {
        tags,
        summary: '已公开报告的公众反馈及答复',
        params: idParams,
        response: { 200: publishedFeedbackList },
      },
    },
    async (request) => ({ items: await listPublishedFeedbackOf(ctx, request.params.id) }),
  );

  app.post(
    '/api/public/evaluations/:id/feedback',
    {
      config: { rateLimit: { max: FEEDBACK_POSTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '对已公开报告提交反馈（无需登录；经审核后公开）',
        params: idParams,
        body: publicFeedbackBody,
        response: { 202: publicFeedbackReceipt },
      },
      onRequest: async (request) => assertSameOrigin(request),
    },
    async (request, reply) => {
      const receipt = await submitPublicFeedback(ctx, {
        evaluationId: request.params.id,
        body: request.body.body,
        contact: request.body.contact,
        website: request.body.website,
        address: request.ip,
        sourceKey,
      });
      return reply.status(202).send(receipt);
    },
  );
};
