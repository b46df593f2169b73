import { Decimal, type DecimalInput } from './exact-decimal.ts';

/** Exact decimal arithmetic for money, ratios and scores (GEN-1). Ratios keep 20 places; nothing uses floats. */
export { Decimal } from './exact-decimal.ts';

export const dec = (value: DecimalInput): Decimal => Decimal.of(value);

export const ZERO = dec(0);
export const ONE = dec(1);
export const HUNDRED = dec(100);

/** Round half up to 2 decimals and return a JS number for display/JSON (the value is already exact to 2 dp). */
export const round2 = (value: Decimal): number => Number(value.round(2).toFixed(2));

export const minDec = (a: Decimal, b: Decimal): Decimal => (a.lt(b) ? a : b);
export const maxDec = (a: Decimal, b: Decimal): Decimal => (a.gt(b) ? a : b);
export const clampDec = (value: Decimal, low: Decimal, high: Decimal): Decimal => minDec(maxDec(value, low), high);

/** Format a score or rate the way the form prints it: always 2 decimals. */
/** Numbers reaching here are already rounded to 2 dp by `round2`, so `toFixed(2)` only prints them. */
export const fmt2 = (value: number | Decimal): string =>
  typeof value === 'number' ? value.toFixed(2) : value.round(2).toFixed(2);

/** Shortest plain decimal, for quoting inputs in explanations ("27.75", "1434"). */
export const plain = (value: Decimal): string => value.toFixed();

export const isCanonicalDecimal = (text: string): boolean => /^-?\d+(\.\d+)?$/.test(text);
