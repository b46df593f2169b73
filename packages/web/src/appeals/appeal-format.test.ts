import { describe, expect, it } from 'vitest';
import { scoreWithGrade } from './appeal-format.ts';

describe('scoreWithGrade', () => {
  it.each([
    [88.46, 'good', '88.46（良）'],
    [90, 'excellent', '90.00（优）'],
    [59.99, null, '59.99'],
    [null, 'poor', '—'],
  ] as const)('%s %s → %s', (score, grade, text) => {
    expect(scoreWithGrade(score, grade)).toBe(text);
  });
});
