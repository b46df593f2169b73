import type { FeedbackItem } from '../api/feedback-types.ts';

/** What a staff member may do with a message now; the server checks the same (services/feedback). */
export type FeedbackAction = 'draft' | 'publish' | 'hide' | 'rectify';

export const FEEDBACK_ACTION_LABELS: Record<FeedbackAction, string> = {
  draft: '起草答复',
  publish: '公开并答复',
  hide: '不予公开',
  rectify: '转为整改',
};

export const feedbackActionsOf = (item: FeedbackItem): FeedbackAction[] => {
  const actions: FeedbackAction[] = [];
  if (item.canDraftReply) actions.push('draft');
  if (item.canModerate) {
    if (item.status !== 'published') actions.push('publish');
    if (item.status !== 'hidden') actions.push('hide');
    if (item.rectificationItemId === null) actions.push('rectify');
  }
  return actions;
};

/** A date `days` after `from` as 'YYYY-MM-DD' in local time: the default deadline of a new 整改 item. */
export const dateAfter = (from: Date, days: number): string => {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
