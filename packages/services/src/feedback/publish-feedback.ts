import { updatePublicFeedback } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { changeFeedback, requireStatus } from './change-feedback.ts';
import { checkStaffText } from './feedback-text.ts';
import type { FeedbackView } from './feedback-view.ts';

/**
 * 公开并答复: a moderator publishes a message under the report with the bureau's reply. The reply is required: a
 * citizen's question shown without an answer serves nobody. A hidden message may be published after all.
 */
export const publishFeedback = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { feedbackId: string; reply: string },
): Promise<FeedbackView> => {
  const reply = checkStaffText(input.reply, '答复');
  return changeFeedback(ctx, actor, input.feedbackId, 'moderate', async (trx, feedback) => {
    requireStatus(feedback, ['pending', 'hidden'], '公开');
    const updated = await updatePublicFeedback(trx, feedback.id, {
      status: 'published',
      reply,
      hide_reason: null,
      moderated_by: actor.userId,
      moderated_at: ctx.now(),
    });
    return {
      updated,
      change: { action: 'publish', details: { reply, adoptedDraft: feedback.reply_draft === reply } },
    };
  });
};
