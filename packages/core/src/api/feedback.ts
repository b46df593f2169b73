// Public feedback as the API answers it: one definition for the services that build it and the pages that read it.

export type FeedbackStatus = 'pending' | 'published' | 'hidden';

/** One message as staff see it in the 公众反馈 list. The contact is shown to moderators only. */
export type FeedbackView = {
  id: string;
  evaluationId: string;
  projectName: string;
  fiscalYear: number;
  unitName: string;
  body: string;
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

/** A published message as the portal shows it under the report: the text and the bureau's reply, as text. */
export type PublishedFeedback = {
  id: string;
  body: string;
  reply: string | null;
  createdAt: string;
  repliedAt: string | null;
};

/** What a sender is told: the message waits for review (also when the honeypot caught it). */
export type PublicFeedbackReceipt = { accepted: true; message: string };
