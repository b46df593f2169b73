import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeParsedValue } from './describe.ts';
import { formatParsedValue } from './format.ts';
import { isNullCell, isPlaceholderName, normalizeCell } from './normalize.ts';
import { reconcileUnits } from './reconcile.ts';
import { parseScoreCell } from './score-cell.ts';
import type { Comparator, ParsedValue } from './types.ts';
import { unitFromName } from './units.ts';
import { parseValue } from './value.ts';

/** Pieces real cells are made of, so generated strings reach every branch of the parser. */
const cellPiece = fc.constantFrom(
  '≥',
  '≤',
  '=',
  '<',
  '>',
  '≧',
  '﹦',
  '不低于',
  '控制在',
  '以内',
  '以上',
  '及以上',
  '达到',
  '不超过',
  '1',
  '0',
  '95',
  '.',
  ',',
  '1,434',
  '0.95',
  '%',
  '％',
  '%%',
  '/',
  '-',
  '～',
  '±',
  '户',
  '万元',
  '元',
  '个',
  '场次',
  '人',
  '年',
  '月',
  '日',
  '底',
  '前',
  '之前',
  '完成',
  '三',
  '十五',
  '一',
  '百分之',
  '有效',
  '保障',
  '　',
  ' ',
  '…',
  '—',
  '无',
  'N/A',
  '〃',
  '(',
  '（',
  '）',
  'ISO',
  '未',
  '同比',
);
const grammarString = fc.array(cellPiece, { maxLength: 8 }).map((pieces) => pieces.join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  grammarString,
);

const NUMBER = fc
  .tuple(fc.nat(9_999_999), fc.option(fc.nat(999), { nil: undefined }))
  .map(([whole, fraction]) =>
    fraction === undefined ? String(whole) : `${whole}.${String(fraction).padStart(3, '0')}`,
  );
const canonical = (n: string): string => (n.includes('.') ? n.replace(/0+$/u, '').replace(/\.$/u, '') : n);
const UNIT = fc.constantFrom(null, '%', '户', '个', '万元', '元', '人次', '场次', '公里', '平方米', '天', '起', '篇');
const COMPARATOR = fc.constantFrom<Comparator | null>(null, 'gte', 'lte', 'eq');

const quantityValue = fc.record({ value: NUMBER.map(canonical), unit: UNIT });
const rangeValue = fc
  .tuple(NUMBER.map(canonical), NUMBER.map(canonical), UNIT)
  .filter(([a, b]) => Number(a) < Number(b))
  .map(([low, high, unit]) => ({
    kind: 'range' as const,
    raw: '',
    low: { value: low, unit },
    high: { value: high, unit },
    notes: [],
  }));
const parsedValue: fc.Arbitrary<ParsedValue> = fc.oneof(
  rangeValue,
  fc.tuple(COMPARATOR, quantityValue).map(([comparator, quantity]) => ({
    kind: 'quantity' as const,
    raw: '',
    comparator,
    comparatorSource: comparator === null ? null : ('text' as const),
    quantity,
    notes: [],
  })),
  fc.tuple(COMPARATOR, fc.array(quantityValue, { minLength: 2, maxLength: 4 })).map(([comparator, parts]) => ({
    kind: 'compound' as const,
    raw: '',
    comparator,
    comparatorSource: comparator === null ? null : ('text' as const),
    parts,
    notes: [],
  })),
  fc
    .record({
      year: fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: null }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
    })
    .map((date) => ({ kind: 'deadline' as const, raw: '', date, notes: [] })),
);

describe('parser properties', () => {
  it('never throws and always answers, on any string', () => {
    fc.assert(
      fc.property(
        anyString,
        fc.option(anyString, { nil: undefined }),
        fc.option(anyString, { nil: undefined }),
        (raw, unitHint, comparatorColumn) => {
          const options = {
            ...(unitHint === undefined ? {} : { unitHint }),
            ...(comparatorColumn === undefined ? {} : { comparatorColumn }),
          };
          const result = parseValue(raw, options);
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) expect(result.value.raw).toBe(raw);
          else expect(result.error.message).toMatch(/^无法识别“/u);
          expect(describeParsedValue(result).length).toBeGreaterThan(0);
          expect(() => parseScoreCell(raw)).not.toThrow();
          expect(() => unitFromName(raw)).not.toThrow();
          expect(() => isPlaceholderName(raw)).not.toThrow();
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('reconciles any two parsed values without throwing', () => {
    fc.assert(
      fc.property(grammarString, grammarString, (a, b) => {
        const target = parseValue(a);
        const actual = parseValue(b);
        if (target.ok && actual.ok) expect(() => reconcileUnits(target.value, actual.value)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('reads comparator + number + unit built from the grammar', () => {
    const sign = fc.constantFrom<[string, Comparator | null]>(
      ['', null],
      ['≥', 'gte'],
      ['≧', 'gte'],
      ['>=', 'gte'],
      ['≤', 'lte'],
      ['≦', 'lte'],
      ['=', 'eq'],
      ['﹦', 'eq'],
      ['不低于', 'gte'],
      ['不少于', 'gte'],
      ['至少', 'gte'],
      ['不超过', 'lte'],
      ['不高于', 'lte'],
      ['等于', 'eq'],
    );
    const space = fc.constantFrom('', ' ', '　');
    fc.assert(
      fc.property(sign, space, NUMBER, space, UNIT, space, ([word, comparator], s1, n, s2, unit, s3) => {
        const raw = `${s1}${word}${s2}${n}${s3}${unit ?? ''}`;
        expect(parseValue(raw)).toEqual({
          ok: true,
          value: {
            kind: 'quantity',
            raw,
            comparator,
            comparatorSource: comparator === null ? null : 'text',
            quantity: { value: canonical(n), unit },
            notes: [],
          },
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        expect(normalizeCell(normalizeCell(raw))).toBe(normalizeCell(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('null markers survive normalisation and padding', () => {
    const marker = fc.constantFrom('', '—', '——', '-', '/', '无', '暂无', 'N/A', '……', '...', '。。。');
    const pad = fc.constantFrom('', ' ', '　', '\t');
    fc.assert(
      fc.property(pad, marker, pad, (a, m, b) => {
        expect(isNullCell(`${a}${m}${b}`)).toBe(true);
      }),
    );
  });

  it('a formatted value re-parses to itself', () => {
    fc.assert(
      fc.property(parsedValue, (value) => {
        const text = formatParsedValue(value);
        expect(parseValue(text)).toEqual({ ok: true, value: { ...value, raw: text } });
      }),
      { numRuns: 2000 },
    );
  });
});
