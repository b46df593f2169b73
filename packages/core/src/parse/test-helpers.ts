/** Builders for expected parse results in the table-driven tests: the whole structure, minus the raw text. */
import type { Comparator, ComparatorSource, DatePoint, ParsedValue, ParseOptions, Quantity } from './types.ts';
import { parseValue } from './value.ts';

type WithoutRaw<T> = T extends unknown ? Omit<T, 'raw'> : never;
export type Expected = WithoutRaw<ParsedValue> | { error: string };

const source = (comparator: Comparator | null): ComparatorSource | null => (comparator === null ? null : 'text');

export const q = (
  value: string,
  unit: string | null = null,
  comparator: Comparator | null = null,
  notes: string[] = [],
) =>
  ({ kind: 'quantity', comparator, comparatorSource: source(comparator), quantity: { value, unit }, notes }) as const;

export const compound = (
  parts: [string, string | null][],
  comparator: Comparator | null = null,
  notes: string[] = [],
) =>
  ({
    kind: 'compound',
    comparator,
    comparatorSource: source(comparator),
    parts: parts.map(([value, unit]): Quantity => ({ value, unit })),
    notes,
  }) as const;

export const range = (low: string, high: string, unit: string | null, notes: string[] = []) =>
  ({ kind: 'range', low: { value: low, unit }, high: { value: high, unit }, notes }) as const;

export const deadline = (year: number | null, month: number, day: number | null, notes: string[] = []) =>
  ({ kind: 'deadline', date: { year, month, day } satisfies DatePoint, notes }) as const;

export const qual = (text: string) => ({ kind: 'qualitative', text }) as const;

export const NULL = { kind: 'null' } as const;

export const fails = (code: string) => ({ error: code });

/** parseValue's answer without the raw text (or just the error code), to compare with the builders above. */
export const parsed = (raw: string, options: ParseOptions = {}): Expected => {
  const result = parseValue(raw, options);
  if (!result.ok) return { error: result.error.code };
  const { raw: _raw, ...rest } = result.value;
  return rest;
};
