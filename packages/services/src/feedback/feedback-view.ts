import type { FeedbackView } from '@jixiao/core';
import type { FeedbackListRow } from '@jixiao/db';
import type { FeedbackAccess } from './feedback-access.ts';

export type { FeedbackView } from '@jixiao/core';

export const feedbackViewOf = (row: FeedbackListRow, access: FeedbackAccess): FeedbackView => ({
  id: row.id,
  evaluationId: row.evaluation_id,
  projectName: row.project_name,
  fiscalYear: row.fiscal_year,
  unitName: row.organization_name,
  body: row.body,
  contact: access.moderate ? row.contact : null,
  status: row.status,
  reply: row.reply,
  replyDraft: row.reply_draft,
  replyDraftedBy: row.drafted_by_name,
  moderatedBy: row.moderated_by_name,
  moderatedAt: row.moderated_at ? new Date(row.moderated_at).toISOString() : null,
  hideReason: row.hide_reason,
  rectificationItemId: row.rectification_item_id,
  createdAt: new Date(row.created_at).toISOString(),
  canModerate: access.moderate,
  canDraftReply: access.draft && row.status === 'pending',
});
