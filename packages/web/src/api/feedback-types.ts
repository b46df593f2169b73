// Public feedback: the portal's published messages and the staff list of /api/feedback.

export type PublishedFeedback = {
  id: string;
  body: string;
  reply: string | null;
  createdAt: string;
  repliedAt: string | null;
};

export type FeedbackReceipt = { accepted: true; message: string };

export type FeedbackStatus = 'pending' | 'published' | 'hidden';

export type FeedbackItem = {
  id: string;
  evaluationId: string;
  projectName: string;
  fiscalYear: number;
  unitName: string;
  body: string;
  /** Shown to moderators only. */
  contact: string | null;
  status: FeedbackStatus;
  reply: string | null;
  replyDraft: string | null;
  replyDraftedBy: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  hideReason: string | null;
  rectificationItemId: string | null;
  createdAt: string;
  canModerate: boolean;
  canDraftReply: boolean;
};

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  pending: '待审核',
  published: '已公开',
  hidden: '不予公开',
};
