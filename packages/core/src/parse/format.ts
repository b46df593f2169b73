import { COMPARATOR_LABELS } from './comparators.ts';
import type { Comparator, DatePoint, ParsedValue, Quantity } from './types.ts';

const quantityText = (quantity: Quantity): string => `${quantity.value}${quantity.unit ?? ''}`;

const sign = (comparator: Comparator | null): string => (comparator === null ? '' : COMPARATOR_LABELS[comparator]);

export const formatDate = (date: DatePoint): string =>
  `${date.year === null ? '' : `${date.year}年`}${date.month}月${date.day === null ? '底' : `${date.day}日`}`;

/**
 * The value written back as canonical cell text ("≥95%", "1场次/160人数", "2022年12月底前"); parseValue reads it
 * back to the same value. Used where a corrected or normalised value is shown for editing.
 */
export const formatParsedValue = (value: ParsedValue): string => {
  switch (value.kind) {
    case 'null':
      return '';
    case 'quantity':
      return `${sign(value.comparator)}${quantityText(value.quantity)}`;
    case 'compound':
      return `${sign(value.comparator)}${value.parts.map(quantityText).join('/')}`;
    case 'range':
      return value.low.value === `-${value.high.value}`
        ? `±${quantityText(value.high)}`
        : `${quantityText(value.low)}-${quantityText(value.high)}`;
    case 'deadline':
      return `${formatDate(value.date)}前`;
    case 'qualitative':
      return value.text;
  }
};
