import { COMPARATOR_LABELS } from './comparators.ts';
import { formatDate } from './format.ts';
import type { ComparatorSource, ParseResult, Quantity } from './types.ts';

const quantity = (value: Quantity): string => `${value.value}${value.unit ? ` ${value.unit}` : ''}`;

const DIRECTION_WORDS = { gte: '正向', lte: '反向', eq: '等于' } as const;
const SOURCE_WORDS: Record<ComparatorSource, string> = { column: '，取自指标性质栏', text: '', inferred: '，推定' };

/** What the parser understood, in a short Chinese phrase for the form ("≥ 95 %（正向）", "定性：有效保障"). */
export const describeParsedValue = (result: ParseResult): string => {
  if (!result.ok) return result.error.message;
  const value = result.value;
  switch (value.kind) {
    case 'null':
      return '空值';
    case 'quantity': {
      if (value.comparator === null) return quantity(value.quantity);
      const source = value.comparatorSource === null ? '' : SOURCE_WORDS[value.comparatorSource];
      return `${COMPARATOR_LABELS[value.comparator]} ${quantity(value.quantity)}（${DIRECTION_WORDS[value.comparator]}${source}）`;
    }
    case 'compound': {
      const sign = value.comparator === null ? '' : `${COMPARATOR_LABELS[value.comparator]} `;
      const units = value.parts.some((part) => part.unit)
        ? `（${value.parts.map((part) => part.unit ?? '—').join('/')}）`
        : '';
      return `复合值 ${sign}${value.parts.map((part) => part.value).join(' / ')}${units}`;
    }
    case 'range':
      return `区间 ${value.low.value} ~ ${quantity(value.high)}`;
    case 'deadline':
      return `截止日期 ${formatDate(value.date)}`;
    case 'qualitative':
      return `定性：${value.text}`;
  }
};
