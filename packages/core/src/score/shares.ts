import type { Comparator } from '../parse/types.ts';
import type { RuleSet } from '../rules/schema.ts';
import { type Decimal, maxDec, ONE, ZERO } from '../util/decimal.ts';

/** The share of the weight one quantitative comparison earns, with the rule that gave it (rules.md §5). */
export type Share = { share: Decimal; rule: string; formula: string };

/**
 * QUANT-POS-1, QUANT-NEG-1, QUANT-EQ-1, QUANT-ZERO-1 for one target/actual pair in the same unit, plus the
 * QUANT-DEV-1 deviation. Both come from the one exact ratio r = a / t (a division is the costly step):
 * 正向 share min(r, 1), 反向 share 1 − (a − t) / t = 2 − r, deviation r − 1 (正向, 等于) or 1 − r (反向).
 */
export const quantityShare = (
  direction: Comparator,
  target: Decimal,
  actual: Decimal,
  equalMode: RuleSet['equalMode'],
): Share & { deviation: Decimal | null } => {
  const t = target.toFixed();
  const a = actual.toFixed();
  if (target.lte(ZERO)) {
    if (direction === 'gte') return { share: ONE, rule: 'QUANT-POS-1', formula: `目标为0 → 满分`, deviation: null };
    return actual.lte(ZERO)
      ? { share: ONE, rule: 'QUANT-ZERO-1', formula: `目标为0，实际 ${a} ≤ 0 → 满分`, deviation: null }
      : { share: ZERO, rule: 'QUANT-ZERO-1', formula: `目标为0，实际 ${a} > 0 → 0分`, deviation: null };
  }
  const ratio = actual.div(target);
  switch (direction) {
    case 'gte':
      return ratio.gte(ONE)
        ? { share: ONE, rule: 'QUANT-POS-1', formula: `实际 ${a} ≥ 目标 ${t} → 满分`, deviation: ratio.minus(ONE) }
        : { share: ratio, rule: 'QUANT-POS-1', formula: `${a} / ${t}`, deviation: ratio.minus(ONE) };
    case 'lte': {
      const deviation = ONE.minus(ratio);
      if (ratio.lte(ONE))
        return { share: ONE, rule: 'QUANT-NEG-1', formula: `实际 ${a} ≤ 目标 ${t} → 满分`, deviation };
      if (ratio.gte(2))
        return { share: ZERO, rule: 'QUANT-NEG-1', formula: `实际 ${a} ≥ 2 × 目标 ${t} → 0分`, deviation };
      return { share: ONE.plus(ONE).minus(ratio), rule: 'QUANT-NEG-1', formula: `1 − (${a} − ${t}) / ${t}`, deviation };
    }
    case 'eq': {
      const deviation = ratio.minus(ONE);
      if (equalMode === 'atLeast') {
        return ratio.gte(ONE)
          ? { share: ONE, rule: 'QUANT-EQ-1', formula: `实际 ${a} ≥ 目标 ${t} → 满分`, deviation }
          : { share: ratio, rule: 'QUANT-EQ-1', formula: `${a} / ${t}`, deviation };
      }
      const share = maxDec(ZERO, ONE.minus(deviation.abs()));
      return { share, rule: 'QUANT-EQ-1', formula: `max(0, 1 − |${a} − ${t}| / ${t})`, deviation };
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
  if (bound.eq(ZERO)) {
    return { share: ZERO, rule: 'QUANT-RANGE-1', formula: `实际 ${actual.toFixed()} 在区间 ${range} 外 → 0分` };
  }
  const distance = actual.minus(bound).abs();
  return {
    share: maxDec(ZERO, ONE.minus(distance.div(bound.abs()))),
    rule: 'QUANT-RANGE-1',
    formula: `max(0, 1 − ${distance.toFixed()} / ${bound.toFixed()})`,
  };
};
