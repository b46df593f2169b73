// Public feedback: the portal's published messages and the staff list of /api/feedback.
import type { FeedbackStatus } from '@jixiao/core';

export type {
  FeedbackStatus,
  FeedbackView as FeedbackItem,
  PublicFeedbackReceipt as FeedbackReceipt,
  PublishedFeedback,
} from '@jixiao/core';

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  pending: '待审核',
  published: '已公开',
  hidden: '不予公开',
};
