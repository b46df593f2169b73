import { AppError } from '@jixiao/core';
import { updatePublicFeedback } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { createRectificationItem } from '../rectification/create-rectification-item.ts';
import { changeFeedback } from './change-feedback.ts';
import type { FeedbackView } from './feedback-view.ts';

export type ConvertFeedbackInput = {
  feedbackId: string;
  /** The problem as the item states it; the feedback's text is kept beside it as the source. */
  description: string;
  measure?: string | undefined;
  /** 'YYYY-MM-DD' */
  deadline: string;
};

/**
 * 转为整改: a moderator turns a message into a 整改 item of the report's unit. The item and the link from the
 * message commit together; the message keeps its status (it may still be published or hidden on its own).
 */
export const convertFeedbackToRectification = (
  ctx: ServiceContext,
  actor: Actor,
  input: ConvertFeedbackInput,
): Promise<FeedbackView> =>
  changeFeedback(ctx, actor, input.feedbackId, 'moderate', async (trx, feedback) => {
    if (feedback.rectification_item_id) throw new AppError('INVALID_TRANSITION', '该反馈已转为整改事项');
    const item = await createRectificationItem(
      ctx,
      actor,
      {
        evaluationId: feedback.evaluation_id,
        sourceKind: 'feedback',
        sourceRef: feedback.id,
        sourceText: feedback.body,
        description: input.description,
        measure: input.measure,
        deadline: input.deadline,
      },
      trx,
    );
    const updated = await updatePublicFeedback(trx, feedback.id, { rectification_item_id: item.id });
    return { updated, change: { action: 'convert_to_rectification', details: { rectificationItemId: item.id } } };
  });
