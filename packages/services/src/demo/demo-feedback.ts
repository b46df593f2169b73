import { randomBytes } from 'node:crypto';
import { listFeedbackOfUnits } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { draftFeedbackReply } from '../feedback/draft-feedback-reply.ts';
import { publishFeedback } from '../feedback/publish-feedback.ts';
import { submitPublicFeedback } from '../feedback/submit-public-feedback.ts';

/**
 * Two citizens' messages on the demo's published report: one the bureau published with a reply (the unit drafted
 * it), one waiting for review, so both the portal and the 公众反馈 page show something.
 */
export const loadDemoFeedback = async (
  ctx: ServiceContext,
  { evaluationId, organizationId }: { evaluationId: string; organizationId: string },
  people: { drafter: Actor; moderator: Actor },
): Promise<void> => {
  const sourceKey = randomBytes(32);
  await submitPublicFeedback(ctx, {
    evaluationId,
    body: '报告说征收补偿资金已全部拨付，请问被征收户的补偿款是否都已到账？有没有查询渠道？',
    contact: '',
    address: '192.0.2.10',
    sourceKey,
  });
  await submitPublicFeedback(ctx, {
    evaluationId,
    body: '项目满意度指标写的是 95%，调查是怎么做的、样本有多少？建议在报告里说明。',
    contact: '联系电话 0731-0000000',
    address: '192.0.2.11',
    sourceKey,
  });
  const [first] = (await listFeedbackOfUnits(ctx.db, { organizationIds: [organizationId] })).filter((row) =>
    row.body.startsWith('报告说征收补偿资金'),
  );
  if (!first) return;
  const reply = '补偿款已按协议全部拨付至被征收户账户，可持身份证到征收办或通过区政务服务网查询到账情况。';
  await draftFeedbackReply(ctx, people.drafter, { feedbackId: first.id, draft: reply });
  await publishFeedback(ctx, people.moderator, { feedbackId: first.id, reply });
};
