import type { ReviewView, RevisionView } from '../api/evaluation-types.ts';

/**
 * The revision a reviewer compares the current one against: the one last returned (what the unit was asked
 * to fix), else the last one submitted before the current; null when there is none (a first submission is
 * not compared with its own import or drafts).
 */
export const diffBaseRevision = (
  revisions: readonly RevisionView[],
  reviews: readonly ReviewView[],
  currentRevisionId: string | null,
): RevisionView | null => {
  if (!currentRevisionId) return null;
  const returned = [...reviews].reverse().find((review) => review.decision === 'returned');
  if (returned && returned.revisionId !== currentRevisionId) {
    const found = revisions.find((revision) => revision.id === returned.revisionId);
    if (found) return found;
  }
  const current = revisions.find((revision) => revision.id === currentRevisionId);
  if (!current) return null;
  const earlierSubmissions = revisions
    .filter((revision) => revision.kind === 'submitted' && revision.revisionNo < current.revisionNo)
    .sort((a, b) => b.revisionNo - a.revisionNo);
  return earlierSubmissions[0] ?? null;
};
