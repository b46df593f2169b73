import { Decimal, type DecimalInput } from './exact-decimal.ts';

/** Exact decimal arithmetic for money, ratios and scores (GEN-1). Ratios keep 20 places; nothing uses floats. */
export { Decimal } from './exact-decimal.ts';

export const dec = (value: DecimalInput): Decimal => Decimal.of(value);

export const ZERO = dec(0);
export const ONE = dec(1);
export const HUNDRED = dec(100);

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Round half up to 2 decimals and return a JS number for display/JSON (the value is already exact to 2 dp).
 * Hundredths / 100 is the double nearest the 2-dp value, as Number("12.34") is: both operands are exact doubles
 * below 2^53 and IEEE division rounds correctly. Larger values take the printed route.
 */
export const round2 = (value: Decimal): number => {
  const hundredths = value.hundredths();
  return hundredths <= MAX_EXACT && hundredths >= -MAX_EXACT
    ? Number(hundredths) / 100
    : Number(new Decimal(hundredths, 2).toFixed(2));
};

export const minDec = (a: Decimal, b: Decimal): Decimal => (a.lt(b) ? a : b);
export const maxDec = (a: Decimal, b: Decimal): Decimal => (a.gt(b) ? a : b);
export const clampDec = (value: Decimal, low: Decimal, high: Decimal): Decimal => minDec(maxDec(value, low), high);

/**
 * Format a score or rate the way the form prints it: always 2 decimals. Numbers reaching here are mostly already
 * rounded to 2 dp by `round2`; for those, the hundredths are printed directly (Number.prototype.toFixed is a slow
 * runtime call, and every explanation prints several). A number is such a value when its hundredths divide back
 * to it; below 10^9 a double is then within 10^-6 of those hundredths, so toFixed(2) would print them too. Any
 * other number goes to toFixed.
 */
export const fmt2 = (value: number | Decimal): string => {
  if (typeof value !== 'number') return new Decimal(value.hundredths(), 2).toFixed(2);
  const hundredths = Math.round(value * 100);
  if (hundredths / 100 !== value || !(Math.abs(value) < 1e9)) return value.toFixed(2);
  const magnitude = Math.abs(hundredths);
  const cents = magnitude % 100;
  return `${hundredths < 0 ? '-' : ''}${(magnitude - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
};

/** Shortest plain decimal, for quoting inputs in explanations ("27.75", "1434"). */
export const plain = (value: Decimal): string => value.toFixed();

export const isCanonicalDecimal = (text: string): boolean => /^-?\d+(\.\d+)?$/.test(text);
