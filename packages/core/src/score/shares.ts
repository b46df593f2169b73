import type { Comparator } from '../parse/types.ts';
import type { RuleSet } from '../rules/schema.ts';
import { type Decimal, dec, maxDec, ONE, ZERO } from '../util/decimal.ts';

/** The share of the weight one quantitative comparison earns, with the rule that gave it (rules.md §5). */
export type Share = { share: Decimal; rule: string; formula: string };

const TWO = dec(2);

/** QUANT-POS-1, QUANT-NEG-1, QUANT-EQ-1, QUANT-ZERO-1 for one target/actual pair in the same unit. */
export const quantityShare = (
  direction: Comparator,
  target: Decimal,
  actual: Decimal,
  equalMode: RuleSet['equalMode'],
): Share => {
  const t = target.toFixed();
  const a = actual.toFixed();
  if (direction !== 'gte' && target.eq(ZERO)) {
    return actual.lte(ZERO)
      ? { share: ONE, rule: 'QUANT-ZERO-1', formula: `目标为0，实际 ${a} ≤ 0 → 满分` }
      : { share: ZERO, rule: 'QUANT-ZERO-1', formula: `目标为0，实际 ${a} > 0 → 0分` };
  }
  switch (direction) {
    case 'gte':
      if (target.eq(ZERO) || actual.gte(target)) {
        return { share: ONE, rule: 'QUANT-POS-1', formula: `实际 ${a} ≥ 目标 ${t} → 满分` };
      }
      return { share: actual.div(target), rule: 'QUANT-POS-1', formula: `${a} / ${t}` };
    case 'lte':
      if (actual.lte(target)) return { share: ONE, rule: 'QUANT-NEG-1', formula: `实际 ${a} ≤ 目标 ${t} → 满分` };
      if (actual.gte(target.times(TWO))) {
        return { share: ZERO, rule: 'QUANT-NEG-1', formula: `实际 ${a} ≥ 2 × 目标 ${t} → 0分` };
      }
      return {
        share: ONE.minus(actual.minus(target).div(target)),
        rule: 'QUANT-NEG-1',
        formula: `1 − (${a} − ${t}) / ${t}`,
      };
    case 'eq': {
      if (equalMode === 'atLeast') {
        const asPositive = quantityShare('gte', target, actual, equalMode);
        return { ...asPositive, rule: 'QUANT-EQ-1' };
      }
      const share = maxDec(ZERO, ONE.minus(actual.minus(target).abs().div(target)));
      return { share, rule: 'QUANT-EQ-1', formula: `max(0, 1 − |${a} − ${t}| / ${t})` };
    }
  }
};

/** QUANT-RANGE-1: full inside [low, high]; outside, w × max(0, 1 − d / b) with b the nearer bound. */
export const rangeShare = (low: Decimal, high: Decimal, actual: Decimal): Share => {
  const range = `[${low.toFixed()}, ${high.toFixed()}]`;
  if (actual.gte(low) && actual.lte(high)) {
    return { share: ONE, rule: 'QUANT-RANGE-1', formula: `实际 ${actual.toFixed()} 在区间 ${range} 内 → 满分` };
  }
  const bound = actual.lt(low) ? low : high;
  if (bound.eq(ZERO))
    return { share: ZERO, rule: 'QUANT-RANGE-1', formula: `实际 ${actual.toFixed()} 在区间 ${range} 外 → 0分` };
  const distance = actual.minus(bound).abs();
  return {
    share: maxDec(ZERO, ONE.minus(distance.div(bound.abs()))),
    rule: 'QUANT-RANGE-1',
    formula: `max(0, 1 − ${distance.toFixed()} / ${bound.toFixed()})`,
  };
};

/** QUANT-DEV-1: relative deviation in the good direction, or null when the target is 0. */
export const deviationOf = (direction: Comparator, target: Decimal, actual: Decimal): Decimal | null => {
  if (target.lte(ZERO)) return null;
  return direction === 'lte' ? target.minus(actual).div(target) : actual.minus(target).div(target);
};
