import { describe, expect, it } from 'vitest';
import type { ReviewView, RevisionView } from '../api/evaluation-types.ts';
import { diffBaseRevision } from './diff-base.ts';

const revision = (id: string, revisionNo: number, kind = 'draft'): RevisionView => ({
  id,
  revisionNo,
  kind,
  ruleSet: 'national-2020@1.0.0',
  totalScore: 90,
  grade: 'excellent',
  createdBy: 'u',
  createdAt: '2026-01-01T00:00:00Z',
  sourceFileName: null,
});

const review = (revisionId: string, decision: ReviewView['decision']): ReviewView => ({
  id: `review-${revisionId}`,
  stage: 'finance_review',
  decision,
  reason: '',
  reviewerId: 'r',
  reviewerName: '财政局审核员',
  revisionId,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('diffBaseRevision', () => {
  const imported = revision('r1', 1, 'import');
  const firstSubmission = revision('r3', 3, 'submitted');
  const secondSubmission = revision('r5', 5, 'submitted');
  const revisions = [secondSubmission, imported, firstSubmission, revision('r2', 2), revision('r4', 4)];

  it('compares against the revision last returned', () => {
    expect(diffBaseRevision(revisions, [review('r3', 'returned')], 'r5')?.id).toBe('r3');
  });

  it('else against the last submission before the current one', () => {
    expect(diffBaseRevision(revisions, [], 'r5')?.id).toBe('r3');
    expect(diffBaseRevision(revisions, [review('r5', 'returned')], 'r5')?.id).toBe('r3');
  });

  it('has nothing to compare for a first submission, whatever drafts and imports came before it', () => {
    expect(diffBaseRevision(revisions, [], 'r3')).toBeNull();
    expect(diffBaseRevision(revisions, [review('r3', 'approved')], 'r3')).toBeNull();
    expect(diffBaseRevision(revisions, [], 'r1')).toBeNull();
    expect(diffBaseRevision(revisions, [], null)).toBeNull();
  });
});
