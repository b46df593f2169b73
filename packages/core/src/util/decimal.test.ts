import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, fmt2, round2 } from './decimal.ts';

const runs = { numRuns: 3000 };

/** Scores, rates and money as the engine meets them: up to 12 whole digits and 0–22 decimals, either sign. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 34n), max: 10n ** 34n }), fc.integer({ min: 0, max: 22 }))
  .map(([mantissa, scale]) => new Decimal(mantissa, scale));

describe('round2 and fmt2 print without a string round trip, to the same result', () => {
  it('round2 is Number(round(2).toFixed(2)), never −0', () => {
    fc.assert(
      fc.property(decimal, (value) => {
        expect(Object.is(round2(value), Number(value.round(2).toFixed(2)))).toBe(true);
      }),
      runs,
    );
  });

  it('fmt2 of a Decimal is round(2).toFixed(2)', () => {
    fc.assert(
      fc.property(decimal, (value) => {
        expect(fmt2(value)).toBe(value.round(2).toFixed(2));
      }),
      runs,
    );
  });

  it('fmt2 of a number is Number.prototype.toFixed(2), for 2-dp values and any other double', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (hundredths) => {
        expect(fmt2(hundredths / 100)).toBe((hundredths / 100).toFixed(2));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        expect(fmt2(value)).toBe(value.toFixed(2));
      }),
      runs,
    );
    for (const value of [0, -0, 0.005, 1.005, 2.675, -2.675, 60.00000000000001, 0.1 + 0.2, 1e9, 1e21, Number.NaN]) {
      expect(fmt2(value)).toBe(value.toFixed(2));
    }
  });
});
