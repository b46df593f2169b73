import { describe, expect, it } from 'vitest';
import { toChineseNumber } from './chinese-number.ts';

describe('toChineseNumber', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '20'],
  ])('%i → %s', (value, expected) => {
    expect(toChineseNumber(value)).toBe(expected);
  });
});
