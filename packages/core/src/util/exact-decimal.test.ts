import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './exact-decimal.ts';

/** The big.js the engine used before: 20 places for division, half up. */
const B = Big();
B.DP = 20;
B.RM = Big.roundHalfUp;

/** Decimal strings the engine meets: money, weights, shares, ratios, with and without signs and exponents. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String)),
    fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,22}$/)),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: -8, max: 8 }).map((e) => `e${e}`),
    ),
  )
  .map(
    ([negative, whole, fraction, exponent]) =>
      `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}${exponent}`,
  );

const pair = fc.tuple(decimalText, decimalText);
const runs = { numRuns: 3000 };

describe('Decimal agrees with big.js (DP 20, ROUND_HALF_UP)', () => {
  it('parses and prints the same (toFixed, toString)', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expect(Decimal.of(text).toFixed()).toBe(new B(text).toFixed());
        expect(Decimal.of(text).toString()).toBe(new B(text).toString());
      }),
      runs,
    );
  });

  it('reads JS numbers the same', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
        expect(Decimal.of(value).toFixed()).toBe(new B(value).toFixed());
      }),
      runs,
    );
  });

  it('reads 2-dp numbers (scores, rates, shares) the same, up to and past 10^9', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), fc.integer({ min: 1, max: 3 }), (whole, places) => {
        const value = whole / 10 ** places;
        expect(Decimal.of(value).toFixed()).toBe(new B(value).toFixed());
        expect(Decimal.of(value).toString()).toBe(new B(value).toString());
      }),
      runs,
    );
  });

  it('adds, subtracts and multiplies exactly', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(Decimal.of(a).plus(b).toFixed()).toBe(new B(a).plus(b).toFixed());
        expect(Decimal.of(a).minus(b).toFixed()).toBe(new B(a).minus(b).toFixed());
        expect(Decimal.of(a).times(b).toFixed()).toBe(new B(a).times(b).toFixed());
      }),
      runs,
    );
  });

  it('divides to 20 places, half away from zero', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fc.pre(!new B(b).eq(0));
        expect(Decimal.of(a).div(b).toFixed()).toBe(new B(a).div(b).toFixed());
      }),
      runs,
    );
  });

  it('compares the same', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = Decimal.of(a);
        const y = new B(a);
        expect(x.cmp(b)).toBe(y.cmp(b));
        expect([x.eq(b), x.lt(b), x.lte(b), x.gt(b), x.gte(b)]).toEqual([
          y.eq(b),
          y.lt(b),
          y.lte(b),
          y.gt(b),
          y.gte(b),
        ]);
        expect(x.abs().toFixed()).toBe(y.abs().toFixed());
      }),
      runs,
    );
  });

  it('rounds half up to 2 and 0 places, and prints fixed places the same', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (text, places) => {
        const x = Decimal.of(text);
        const y = new B(text);
        expect(x.round(2).toFixed(2)).toBe(y.round(2, Big.roundHalfUp).toFixed(2));
        expect(x.round(0).toFixed(0)).toBe(y.round(0).toFixed(0));
        expect(x.toFixed(places)).toBe(y.toFixed(places));
      }),
      runs,
    );
  });

  it('reads a rounded number without printing it: toFixedNumber is Number(toFixed), hundredths round(2)', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 8 }), (text, places) => {
        const x = Decimal.of(text);
        expect(Object.is(x.toFixedNumber(places), Number(x.toFixed(places)))).toBe(true);
        expect(new Decimal(x.hundredths(), 2).toFixed(2)).toBe(x.round(2).toFixed(2));
      }),
      runs,
    );
    expect(Object.is(Decimal.of('-0.0000001').toFixedNumber(6), -0)).toBe(true);
  });

  it("prints a cell's own spelling only when it is already plain", () => {
    const printed = ['007', '0.50', '-0', '.5', '5.', '-0.05', '10', '0', '-12.5', '1.0'].map((text) =>
      Decimal.of(text).toFixed(),
    );
    expect(printed).toEqual(['7', '0.5', '0', '0.5', '5', '-0.05', '10', '0', '-12.5', '1']);
  });

  it('rounds exact halves away from zero', () => {
    expect(Decimal.of('2.345').round(2).toFixed(2)).toBe('2.35');
    expect(Decimal.of('-2.345').round(2).toFixed(2)).toBe('-2.35');
    expect(Decimal.of('-0.001').toFixed(2)).toBe(new B('-0.001').toFixed(2));
    expect(Decimal.of(2).div(3).toFixed()).toBe('0.66666666666666666667');
  });

  it('refuses what big.js refuses', () => {
    for (const text of ['', '.', 'abc', '+1', '1..2', '1e']) {
      expect(() => new B(text)).toThrow();
      expect(() => Decimal.of(text)).toThrow();
    }
    expect(() => Decimal.of(1).div(0)).toThrow();
  });
});
