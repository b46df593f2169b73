import { describe, expect, it } from 'vitest';
import { chinaToday, daysFromToday, deadlineText, isSettledStatus } from './rectification-labels.ts';

describe('rectification labels', () => {
  it.each<[string, boolean, string, string]>([
    ['2026-06-30', false, '2026-07-05', '2026-06-30'],
    ['2026-06-30', true, '2026-07-05', '2026-06-30（已逾期 5 天）'],
  ])('deadline %s overdue=%s on %s reads %s', (deadline, overdue, today, text) => {
    expect(deadlineText({ deadline, overdue }, today)).toBe(text);
  });

  it.each([
    ['open', false],
    ['in_progress', false],
    ['submitted', false],
    ['closed', true],
    ['cancelled', true],
  ] as const)('an item %s is settled: %s', (status, settled) => {
    expect(isSettledStatus(status)).toBe(settled);
  });

  it('reads today and later days in China time', () => {
    expect(chinaToday(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
    expect(daysFromToday(30, new Date('2026-06-01T00:00:00Z'))).toBe('2026-07-01');
  });
});
