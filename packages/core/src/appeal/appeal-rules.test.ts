import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../rules/rule-sets.ts';
import { amendScore, appealDeadline, isAppealableDecision, isWithinAppealPeriod } from './appeal-rules.ts';

describe('appealDeadline', () => {
  it.each([
    ['2025-03-03T02:00:00Z', 15, '2025-03-18'],
    // 20:00 UTC is already the next day in China.
    ['2025-03-03T20:00:00Z', 15, '2025-03-19'],
    ['2025-12-25T00:00:00Z', 10, '2026-01-04'],
    ['2024-02-20T00:00:00Z', 10, '2024-03-01'],
  ])('%s + %i days → %s', (decidedAt, days, deadline) => {
    expect(appealDeadline(new Date(decidedAt), days)).toBe(deadline);
  });

  it.each([
    ['2025-03-18T15:59:59Z', true],
    ['2025-03-18T16:00:00Z', false],
  ])('now %s within a period ending 2025-03-18: %s', (now, within) => {
    expect(isWithinAppealPeriod(new Date(now), '2025-03-18')).toBe(within);
  });
});

describe('isAppealableDecision', () => {
  it.each([
    [{ stage: 'finance_review', decision: 'returned' }, { totalScore: 90, statedTotal: 90 }, true],
    [{ stage: 'finance_review', decision: 'approved' }, { totalScore: 85.5, statedTotal: 90 }, true],
    [{ stage: 'finance_review', decision: 'approved' }, { totalScore: 90, statedTotal: 90 }, false],
    [{ stage: 'finance_review', decision: 'approved' }, { totalScore: 90, statedTotal: null }, false],
    [{ stage: 'submitted', decision: 'returned' }, { totalScore: 90, statedTotal: 80 }, false],
    [{ stage: 'department_review', decision: 'approved' }, { totalScore: 90, statedTotal: 80 }, false],
  ] as const)('%j with %j → %s', (review, scores, expected) => {
    expect(isAppealableDecision(review, scores)).toBe(expected);
  });
});

describe('amendScore', () => {
  const bands = requireRuleSet('national-2020').gradeBands;
  it.each([
    [92.345, 92.35, 'excellent'],
    [89.994, 89.99, 'good'],
    [100, 100, 'excellent'],
    [0, 0, 'poor'],
    [60, 60, 'fair'],
  ] as const)('%f → %f %s', (raw, score, grade) => {
    expect(amendScore(raw, bands)).toEqual({ score, grade });
  });

  it.each([-0.01, 100.01, Number.NaN])('refuses %f', (raw) => {
    expect(() => amendScore(raw, bands)).toThrow('复议得分应在 0 到 100 之间');
  });
});
