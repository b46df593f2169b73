import { describe, expect, it } from 'vitest';
import { extractNarrativeFigures, FIGURE_KEYS } from './figures.ts';

describe('extractNarrativeFigures', () => {
  it('reads budget, spending, rate and 合计 rows, full-width figures included', () => {
    expect(
      extractNarrativeFigures(
        '项目预算共 1,234.50 万元，实际支出为１０００万元，执行率达到81.08％。\n合计\t1234.5\t1000',
      ),
    ).toEqual({ budgets: ['1234.5'], spendings: ['1000'], rates: ['81.08'], totalRows: [['1234.5', '1000']] });
  });

  it('finds nothing in a section without a key character', () => {
    expect(extractNarrativeFigures('通过项目实施，较好地完成了年度绩效目标，群众满意度较高。')).toEqual({
      budgets: [],
      spendings: [],
      rates: [],
      totalRows: [],
    });
  });

  it('still reads a figure written with a compatibility character (⽀ is the Kangxi radical 支)', () => {
    expect(extractNarrativeFigures('实际⽀出 30 万元').spendings).toEqual(['30']);
  });

  // The skip is sound only if FIGURE_KEYS lists every character NFKC turns into 预, 支, 执 or 计.
  it('lists every character whose NFKC form holds a key character', () => {
    const missed: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (/[预支执计]/u.test(char.normalize('NFKC')) && !FIGURE_KEYS.test(char)) missed.push(point.toString(16));
    }
    expect(missed).toEqual([]);
  });
});
