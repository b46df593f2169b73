import { describe, expect, it } from 'vitest';
import type { PublicationView, ReviewView } from '../api/evaluation-types.ts';
import { reviewHistory } from './review-history.ts';

const review = (overrides: Partial<ReviewView>): ReviewView => ({
  id: 'v1',
  stage: 'department_review',
  decision: 'approved',
  reason: '',
  reviewerId: 'u1',
  reviewerName: '李主管',
  revisionId: 'r1',
  createdAt: '2023-03-01T02:00:00.000Z',
  ...overrides,
});

const publication = (overrides: Partial<PublicationView>): PublicationView => ({
  id: 'p1',
  revisionId: 'r1',
  publishedAt: '2023-03-05T02:00:00.000Z',
  publishedByName: '王财政',
  unpublishedAt: null,
  unpublishedByName: null,
  unpublishReason: null,
  ...overrides,
});

describe('reviewHistory', () => {
  it('merges reviews and publications oldest first, naming stage, decision and person', () => {
    const history = reviewHistory(
      [
        review({ id: 'v2', stage: 'finance_review', reviewerName: '王财政', createdAt: '2023-03-03T02:00:00.000Z' }),
        review({ id: 'v1', decision: 'returned', reason: '成本指标缺失', createdAt: '2023-03-01T02:00:00.000Z' }),
      ],
      [
        publication({
          unpublishedAt: '2023-03-06T02:00:00.000Z',
          unpublishedByName: '王财政',
          unpublishReason: '含个人信息',
        }),
      ],
    );
    expect(history.map(({ title, note, tone }) => [title, note, tone])).toEqual([
      ['主管部门审核 退回（李主管）', '成本指标缺失', 'returned'],
      ['财政局审核 通过（王财政）', '', 'approved'],
      ['公开（王财政）', '', 'published'],
      ['撤回公开（王财政）', '含个人信息', 'unpublished'],
    ]);
  });

  it('is empty with nothing decided', () => {
    expect(reviewHistory([], [])).toEqual([]);
  });
});
