import type { Comparator } from './types.ts';

/** Words and signs that open a value, longest first so "大于等于" wins over "大于" (PARSE-3). */
const PREFIXES: readonly [string, Comparator, boolean][] = [
  ['大于等于', 'gte', false],
  ['小于等于', 'lte', false],
  ['不少于', 'gte', false],
  ['不低于', 'gte', false],
  ['不小于', 'gte', false],
  ['不高于', 'lte', false],
  ['不超过', 'lte', false],
  ['不超出', 'lte', false],
  ['不大于', 'lte', false],
  ['不多于', 'lte', false],
  ['控制在', 'lte', false],
  ['至少', 'gte', false],
  ['达到', 'gte', false],
  ['超过', 'gte', true],
  ['大于', 'gte', true],
  ['高于', 'gte', true],
  ['小于', 'lte', true],
  ['低于', 'lte', true],
  ['等于', 'eq', false],
  ['>=', 'gte', false],
  ['<=', 'lte', false],
  ['≥', 'gte', false],
  ['≤', 'lte', false],
  ['>', 'gte', true],
  ['<', 'lte', true],
  ['=', 'eq', false],
];

/** Words that close a value: "98%以上", "38万元以内". */
const SUFFIXES: readonly [string, Comparator][] = [
  ['及以上', 'gte'],
  ['以上', 'gte'],
  ['之上', 'gte'],
  ['以内', 'lte'],
  ['之内', 'lte'],
  ['及以下', 'lte'],
  ['以下', 'lte'],
];

export type ComparatorSplit = { comparator: Comparator | null; strict: boolean; rest: string };

/** Takes a comparator off the front or back of a normalised cell. */
export const splitComparator = (text: string): ComparatorSplit => {
  let rest = text;
  let comparator: Comparator | null = null;
  let strict = false;
  for (const [word, value, isStrict] of PREFIXES) {
    if (rest.startsWith(word)) {
      comparator = value;
      strict = isStrict;
      rest = rest.slice(word.length).trim();
      break;
    }
  }
  for (const [word, value] of SUFFIXES) {
    if (rest.endsWith(word)) {
      comparator ??= value;
      rest = rest.slice(0, -word.length).trim();
      break;
    }
  }
  return { comparator, strict, rest };
};

/** A separate 指标性质 / 指标方向 column: 正向 → gte, 反向 → lte, 等于 → eq; anything else (定性, blank) → null. */
export const comparatorFromColumn = (text: string | undefined): Comparator | null => {
  const value = (text ?? '').normalize('NFKC').replace(/\s/g, '');
  if (value === '') return null;
  if (/^(正向|正向指标|越大越好|越高越好|≥|>=|>|大于等于|不低于|不少于)$/u.test(value)) return 'gte';
  if (/^(反向|反向指标|越小越好|越低越好|≤|<=|<|小于等于|不高于|不超过)$/u.test(value)) return 'lte';
  if (/^(等于|=|==|相等|持平)$/u.test(value)) return 'eq';
  return null;
};

export const COMPARATOR_LABELS: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };
