/**
 * An exact decimal as a BigInt mantissa over a power of ten: value = mantissa / 10^scale. It replaces big.js in
 * the engine with the same results (property-tested against big.js): plus, minus and times are exact, div rounds
 * half away from zero at 20 places (big.js with DP 20 and ROUND_HALF_UP), and strings print as big.js prints
 * them. Big.js keeps one decimal digit per array slot; a BigInt does the same arithmetic in a few machine words.
 */

const DIVISION_PLACES = 20;
const POWERS: bigint[] = [1n];
const powerOfTen = (exponent: number): bigint => {
  for (let k = POWERS.length; k <= exponent; k++) POWERS.push((POWERS[k - 1] ?? 1n) * 10n);
  const power = POWERS[exponent];
  if (power === undefined) throw new Error(`unreachable: 10^${exponent}`);
  return power;
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const NUMBER_SYNTAX = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

const signOf = (mantissa: bigint): -1 | 0 | 1 => (mantissa > 0n ? 1 : mantissa < 0n ? -1 : 0);

/** Quotient of non-negative n / d rounded half up. */
const divideHalfUp = (n: bigint, d: bigint): bigint => {
  const quotient = n / d;
  return (n - quotient * d) * 2n >= d ? quotient + 1n : quotient;
};

/** Rounds a signed mantissa at `scale` to `places` (< scale) half away from zero. */
const roundMantissa = (mantissa: bigint, scale: number, places: number): bigint => {
  const divisor = powerOfTen(scale - places);
  return mantissa < 0n ? -divideHalfUp(-mantissa, divisor) : divideHalfUp(mantissa, divisor);
};

export type DecimalInput = string | number | Decimal;

export class Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
  /** toFixed()'s text once printed: a weight or target is quoted in every explanation that uses it. */
  private plainText: string | undefined = undefined;

  constructor(mantissa: bigint, scale: number) {
    this.mantissa = mantissa;
    this.scale = scale;
  }

  static of(value: DecimalInput): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'string') return Decimal.parse(value);
    if (Number.isSafeInteger(value)) return new Decimal(BigInt(value), 0);
    // Scores, rates and the rule sets' shares have 2 decimals: when the hundredths divide back to the number (and
    // it is below 10^9, where doubles lie far closer together than 0.01), String(value) prints exactly those
    // hundredths, so they are read without the string. The scale is as parsing would give: no trailing zero.
    const hundredths = Math.round(value * 100);
    if (hundredths / 100 === value && Math.abs(value) < 1e9) {
      return hundredths % 10 === 0 ? new Decimal(BigInt(hundredths / 10), 1) : new Decimal(BigInt(hundredths), 2);
    }
    return Decimal.parse(String(value));
  }

  private static parse(text: string): Decimal {
    return Decimal.parsePlain(text) ?? Decimal.parseSyntax(text);
  }

  /**
   * The common spelling, [-]digits[.digits] with at least one digit, read without a regular expression (the
   * match arrays were a good share of the engine's garbage); anything else is null and goes to parseSyntax.
   */
  private static parsePlain(text: string): Decimal | null {
    let point = -1;
    let digits = 0;
    for (let i = text.charCodeAt(0) === 45 ? 1 : 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) digits++;
      else if (code === 46 && point === -1) point = i;
      else return null;
    }
    if (digits === 0) return null;
    const parsed =
      point === -1
        ? new Decimal(BigInt(text), 0)
        : new Decimal(BigInt(text.slice(0, point) + text.slice(point + 1)), text.length - point - 1);
    // Cells mostly hold a number as toFixed() prints it ("1434", "0.05", "-2.5"); then that is its text already.
    const sign = text.charCodeAt(0) === 45 ? 1 : 0;
    const whole = (point === -1 ? text.length : point) - sign;
    const plainWhole = whole === 1 || (whole > 1 && text.charCodeAt(sign) !== 48);
    const plainFraction = point === -1 || (point < text.length - 1 && text.charCodeAt(text.length - 1) !== 48);
    if (plainWhole && plainFraction && (sign === 0 || parsed.mantissa !== 0n)) parsed.plainText = text;
    return parsed;
  }

  private static parseSyntax(text: string): Decimal {
    const match = NUMBER_SYNTAX.exec(text);
    const whole = match?.[2] ?? '';
    const fraction = match?.[3] ?? '';
    if (!match || whole.length + fraction.length === 0) throw new Error(`[decimal] Invalid number: ${text}`);
    const exponent = match[4] === undefined ? 0 : Number(match[4]);
    const digits = BigInt(whole + fraction);
    const signed = match[1] === '-' ? -digits : digits;
    const scale = fraction.length - exponent;
    return scale >= 0 ? new Decimal(signed, scale) : new Decimal(signed * powerOfTen(-scale), 0);
  }

  /** This mantissa at `scale` (>= this.scale). */
  private at(scale: number): bigint {
    return scale === this.scale ? this.mantissa : this.mantissa * powerOfTen(scale - this.scale);
  }

  plus(value: DecimalInput): Decimal {
    const other = Decimal.of(value);
    // Adding or subtracting a zero, or multiplying by one, gives this very mantissa and scale: no new Decimal.
    if (other.mantissa === 0n && other.scale <= this.scale) return this;
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.at(scale) + other.at(scale), scale);
  }

  minus(value: DecimalInput): Decimal {
    const other = Decimal.of(value);
    if (other.mantissa === 0n && other.scale <= this.scale) return this;
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.at(scale) - other.at(scale), scale);
  }

  times(value: DecimalInput): Decimal {
    const other = Decimal.of(value);
    if (other.mantissa === 1n && other.scale === 0) return this;
    return new Decimal(this.mantissa * other.mantissa, this.scale + other.scale);
  }

  /** Rounded half away from zero at 20 places, as big.js with DP 20 and ROUND_HALF_UP. */
  div(value: DecimalInput): Decimal {
    const other = Decimal.of(value);
    if (other.mantissa === 0n) throw new Error('[decimal] Division by zero');
    const numerator = this.mantissa * powerOfTen(DIVISION_PLACES + other.scale);
    const denominator = other.mantissa * powerOfTen(this.scale);
    const negative = numerator < 0n !== denominator < 0n;
    const quotient = divideHalfUp(
      numerator < 0n ? -numerator : numerator,
      denominator < 0n ? -denominator : denominator,
    );
    return new Decimal(negative ? -quotient : quotient, DIVISION_PLACES);
  }

  abs(): Decimal {
    return this.mantissa < 0n ? new Decimal(-this.mantissa, this.scale) : this;
  }

  /** Half away from zero at `places` decimals (big.js ROUND_HALF_UP). */
  round(places = 0): Decimal {
    if (this.scale <= places) return this;
    return new Decimal(roundMantissa(this.mantissa, this.scale, places), places);
  }

  /** The value in hundredths, rounded half away from zero: a score at 2 places without a Decimal in between. */
  hundredths(): bigint {
    return this.scale <= 2 ? this.mantissa * powerOfTen(2 - this.scale) : roundMantissa(this.mantissa, this.scale, 2);
  }

  cmp(value: DecimalInput): -1 | 0 | 1 {
    const other = Decimal.of(value);
    // Signs settle many comparisons (every one against zero) without scaling a mantissa to the other's places.
    const sign = signOf(this.mantissa);
    const otherSign = signOf(other.mantissa);
    if (sign !== otherSign) return sign < otherSign ? -1 : 1;
    if (sign === 0) return 0;
    const scale = Math.max(this.scale, other.scale);
    const a = this.at(scale);
    const b = other.at(scale);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  eq(value: DecimalInput): boolean {
    return this.cmp(value) === 0;
  }

  lt(value: DecimalInput): boolean {
    return this.cmp(value) < 0;
  }

  lte(value: DecimalInput): boolean {
    return this.cmp(value) <= 0;
  }

  gt(value: DecimalInput): boolean {
    return this.cmp(value) > 0;
  }

  gte(value: DecimalInput): boolean {
    return this.cmp(value) >= 0;
  }

  /**
   * Normal notation: every significant digit without `places`, else rounded half up to exactly `places`
   * decimals. Like big.js, a negative value that rounds to zero keeps its sign ("-0.00").
   */
  toFixed(places?: number): string {
    const negative = this.mantissa < 0n;
    if (places === undefined) {
      if (this.plainText === undefined) {
        const [digits, scale] = this.significant();
        this.plainText = (negative ? '-' : '') + placeDigits(digits, scale);
      }
      return this.plainText;
    }
    return (negative ? '-' : '') + placeDigits(this.magnitudeAt(places).toString(), places);
  }

  /**
   * Number(this.toFixed(places)) without printing: an integer below 2^53 over an exact power of ten divides to
   * the double nearest the decimal, which is what parsing the printed digits gives (a negative zero included).
   */
  toFixedNumber(places: number): number {
    const magnitude = this.magnitudeAt(places);
    if (places > 22 || magnitude > MAX_SAFE) return Number(this.toFixed(places));
    const value = Number(magnitude) / 10 ** places;
    return this.mantissa < 0n ? -value : value;
  }

  /** |value| in units of 10^-places, rounded half up. */
  private magnitudeAt(places: number): bigint {
    const magnitude = this.mantissa < 0n ? -this.mantissa : this.mantissa;
    return this.scale > places
      ? divideHalfUp(magnitude, powerOfTen(this.scale - places))
      : magnitude * powerOfTen(places - this.scale);
  }

  /** Big.js's toString: exponential notation from 1e21 up and below 1e-7. */
  toString(): string {
    const [digits, scale] = this.significant();
    const exponent = digits.length - 1 - scale;
    const sign = this.mantissa < 0n ? '-' : '';
    if (digits === '0' || (exponent > -7 && exponent < 21)) return sign + placeDigits(digits, scale);
    const rest = digits.slice(1).replace(/0+$/, '');
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exponent < 0 ? '' : '+'}${exponent}`;
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): string {
    return this.toString();
  }

  /** The magnitude's digits without trailing fractional zeros, and their scale. */
  private significant(): [string, number] {
    const digits = (this.mantissa < 0n ? -this.mantissa : this.mantissa).toString();
    // Trailing fractional zeros are counted first and cut in one slice (a 20-place ratio has up to 19).
    let zeros = 0;
    while (zeros < this.scale && zeros < digits.length - 1 && digits.charCodeAt(digits.length - 1 - zeros) === 48) {
      zeros++;
    }
    const kept = zeros === 0 ? digits : digits.slice(0, digits.length - zeros);
    return kept === '0' ? ['0', 0] : [kept, this.scale - zeros];
  }
}

/** Digits of a non-negative mantissa written with `scale` decimals ("5", 2 → "0.05"). */
const placeDigits = (digits: string, scale: number): string => {
  if (scale === 0) return digits;
  const padded = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
  return `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
};
