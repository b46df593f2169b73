import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../api/feedback-types.ts';
import { dateAfter, feedbackActionsOf } from './feedback-actions.ts';

const item = (changes: Partial<FeedbackItem>): FeedbackItem => ({
  id: 'f',
  evaluationId: 'e',
  projectName: '项目',
  fiscalYear: 2023,
  unitName: '单位',
  body: '反馈内容',
  contact: null,
  status: 'pending',
  reply: null,
  replyDraft: null,
  replyDraftedBy: null,
  moderatedBy: null,
  moderatedAt: null,
  hideReason: null,
  rectificationItemId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  canModerate: false,
  canDraftReply: false,
  ...changes,
});

describe('feedback actions', () => {
  it.each([
    ['unit on a waiting message', { canDraftReply: true }, ['draft']],
    ['moderator on a waiting message', { canModerate: true }, ['publish', 'hide', 'rectify']],
    ['moderator on a published one', { canModerate: true, status: 'published' as const }, ['hide', 'rectify']],
    ['moderator on a hidden one', { canModerate: true, status: 'hidden' as const }, ['publish', 'rectify']],
    ['moderator after 转为整改', { canModerate: true, rectificationItemId: 'r' }, ['publish', 'hide']],
    ['neither', {}, []],
  ])('%s', (_case, changes, actions) => {
    expect(feedbackActionsOf(item(changes))).toEqual(actions);
  });

  it('counts a deadline in calendar days across a month end', () => {
    expect(dateAfter(new Date(2026, 0, 31), 30)).toBe('2026-03-02');
  });
});
