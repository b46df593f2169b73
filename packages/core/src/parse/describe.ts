import { COMPARATOR_LABELS } from './comparators.ts';
import type { ParseResult, Quantity } from './types.ts';

const quantity = (value: Quantity): string => `${value.value}${value.unit ? ` ${value.unit}` : ''}`;

const DIRECTION_WORDS = { gte: '正向', lte: '反向', eq: '等于' } as const;

/** What the parser understood, in a short Chinese phrase for the form ("≥ 95 %（正向）", "定性：有效保障"). */
export const describeParsedValue = (result: ParseResult): string => {
  if (!result.ok) return result.error.message;
  const value = result.value;
  switch (value.kind) {
    case 'null':
      return '空值';
    case 'quantity':
      return value.comparator
        ? `${COMPARATOR_LABELS[value.comparator]} ${quantity(value.quantity)}（${DIRECTION_WORDS[value.comparator]}）`
        : `${quantity(value.quantity)}`;
    case 'compound':
      return `复合值 ${value.parts.map((part) => part.value).join(' / ')}${value.parts.some((part) => part.unit) ? `（${value.parts.map((part) => part.unit ?? '—').join('/')}）` : ''}`;
    case 'range':
      return `区间 ${value.low.value} ~ ${quantity(value.high)}`;
    case 'deadline':
      return `截止日期 ${value.date.year ? `${value.date.year}年` : ''}${value.date.month}月${value.date.day ? `${value.date.day}日` : '底'}`;
    case 'qualitative':
      return `定性：${value.text}`;
  }
};
