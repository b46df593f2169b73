import { updatePublicFeedback } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { changeFeedback, requireStatus } from './change-feedback.ts';
import { checkStaffText } from './feedback-text.ts';
import type { FeedbackView } from './feedback-view.ts';

/** 不予公开: a moderator hides a message (waiting, or published and now taken down) with a reason. */
export const hideFeedback = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { feedbackId: string; reason: string },
): Promise<FeedbackView> => {
  const reason = checkStaffText(input.reason, '不予公开的理由');
  return changeFeedback(ctx, actor, input.feedbackId, 'moderate', async (trx, feedback) => {
    requireStatus(feedback, ['pending', 'published'], '不予公开');
    const updated = await updatePublicFeedback(trx, feedback.id, {
      status: 'hidden',
      hide_reason: reason,
      moderated_by: actor.userId,
      moderated_at: ctx.now(),
    });
    return { updated, change: { action: 'hide', reason } };
  });
};
