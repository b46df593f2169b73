import { updatePublicFeedback } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { changeFeedback, requireStatus } from './change-feedback.ts';
import { checkStaffText } from './feedback-text.ts';
import type { FeedbackView } from './feedback-view.ts';

/** 起草答复: the report's unit drafts the reply to a waiting message; the moderator sees it and may adopt it. */
export const draftFeedbackReply = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { feedbackId: string; draft: string },
): Promise<FeedbackView> => {
  const draft = checkStaffText(input.draft, '答复草稿');
  return changeFeedback(ctx, actor, input.feedbackId, 'draft', async (trx, feedback) => {
    requireStatus(feedback, ['pending'], '起草答复');
    const updated = await updatePublicFeedback(trx, feedback.id, {
      reply_draft: draft,
      reply_drafted_by: actor.userId,
    });
    return { updated, change: { action: 'draft_reply', details: { draft } } };
  });
};
