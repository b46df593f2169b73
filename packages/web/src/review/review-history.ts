import { reviewStageLabel } from '@jixiao/core';
import type { PublicationView, ReviewView } from '../api/evaluation-types.ts';

export type HistoryEntry = {
  key: string;
  at: string;
  /** What happened, with the stage and the person, e.g. "财政局审核 通过（王审核）". */
  title: string;
  /** The reason or opinion given, empty when none. */
  note: string;
  tone: 'approved' | 'returned' | 'published' | 'unpublished';
};

/** Reviews and publications as one history, oldest first, each naming who acted. */
export const reviewHistory = (
  reviews: readonly ReviewView[],
  publications: readonly PublicationView[],
): HistoryEntry[] =>
  [
    ...reviews.map(
      (review): HistoryEntry => ({
        key: `review-${review.id}`,
        at: review.createdAt,
        title: `${reviewStageLabel(review.stage)} ${review.decision === 'returned' ? '退回' : '通过'}（${review.reviewerName}）`,
        note: review.reason,
        tone: review.decision,
      }),
    ),
    ...publications.flatMap((publication): HistoryEntry[] => [
      {
        key: `publish-${publication.id}`,
        at: publication.publishedAt,
        title: `公开（${publication.publishedByName}）`,
        note: '',
        tone: 'published',
      },
      ...(publication.unpublishedAt === null
        ? []
        : [
            {
              key: `unpublish-${publication.id}`,
              at: publication.unpublishedAt,
              title: `撤回公开（${publication.unpublishedByName ?? ''}）`,
              note: publication.unpublishReason ?? '',
              tone: 'unpublished' as const,
            },
          ]),
    ]),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
