import { describe, expect, it } from 'vitest';
import type { RevisionView } from '../api/evaluation-types.ts';
import { versionLabel } from './version-label.ts';

const revision = (revisionNo: number, kind: string): RevisionView => ({
  id: `r${revisionNo}`,
  revisionNo,
  kind,
  ruleSet: 'national-2020',
  totalScore: 90,
  grade: '优',
  createdBy: 'u',
  createdAt: '2023-03-01T00:00:00.000Z',
  sourceFileName: null,
});

// An import, a dozen autosaves, a submission, a return and more saves, a second submission.
const history = [
  revision(1, 'import'),
  ...Array.from({ length: 12 }, (_, index) => revision(index + 2, 'draft')),
  revision(14, 'submitted'),
  revision(15, 'draft'),
  revision(16, 'draft'),
  revision(17, 'submitted'),
];

describe('versionLabel', () => {
  it.each([
    ['r1', '第 1 版（修改中）'],
    ['r13', '第 1 版（修改中）'],
    ['r14', '第 1 版（送审稿）'],
    ['r16', '第 2 版（修改中）'],
    ['r17', '第 2 版（送审稿）'],
    ['unknown', '第 1 版（修改中）'],
  ])('calls revision %s %s', (id, label) => {
    expect(versionLabel(history, id)).toBe(label);
  });
});
