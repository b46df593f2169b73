import { describe, expect, it } from 'vitest';
import type { ReviewView, RevisionView } from '../api/evaluation-types.ts';
import { describePath, diffBaseRevision } from './diff-base.ts';

const revision = (id: string, revisionNo: number): RevisionView => ({
  id,
  revisionNo,
  kind: 'draft',
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
  revisionId,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('diffBaseRevision', () => {
  const revisions = [revision('r1', 1), revision('r3', 3), revision('r2', 2)];

  it('compares against the revision last returned', () => {
    expect(diffBaseRevision(revisions, [review('r1', 'returned')], 'r3')?.id).toBe('r1');
  });

  it('falls back to the previous revision when nothing was returned, or the returned one is current', () => {
    expect(diffBaseRevision(revisions, [], 'r3')?.id).toBe('r2');
    expect(diffBaseRevision(revisions, [review('r3', 'returned')], 'r3')?.id).toBe('r2');
    expect(diffBaseRevision(revisions, [review('r2', 'approved')], 'r2')?.id).toBe('r1');
  });

  it('has nothing to compare for a first revision or no current one', () => {
    expect(diffBaseRevision(revisions, [], 'r1')).toBeNull();
    expect(diffBaseRevision(revisions, [], null)).toBeNull();
  });
});

describe('describePath', () => {
  it.each([
    ['indicators[2].actual', '第 3 行指标 · 实际完成值'],
    ['funds.total.executed', '资金 · 年度资金总额 · 全年执行数'],
    ['narrative.sections[0].body', '自评报告 · 部分 1 · 正文'],
    ['unknownField', 'unknownField'],
  ])('%s', (path, words) => {
    expect(describePath(path)).toBe(words);
  });
});
