import { dec } from '../util/decimal.ts';
import type { ParsedValue, Quantity } from './types.ts';
import { convertUnit } from './units.ts';

export type Reconciled =
  | { ok: true; target: ParsedValue; actual: ParsedValue; notes: string[] }
  | { ok: false; code: 'UNIT_MISMATCH'; message: string };

type PairResult = { ok: true; target: Quantity; actual: Quantity; notes: string[] } | { ok: false; message: string };

/**
 * Puts a target and an actual quantity in one unit: a missing unit takes the other's, a bare number ≤ 1 against
 * a % is read as a fraction (PARSE-5), and units of one family convert exactly (元/万元/亿元, 日/天). Anything
 * else that differs cannot be compared.
 */
const reconcilePair = (target: Quantity, actual: Quantity): PairResult => {
  const notes: string[] = [];
  let t = target;
  let a = actual;
  // A bare number ≤ 1 — no unit written, or only one implied by a 计量单位 column — against a percentage above 1.
  const bareActual = a.unit === null || a.impliedUnit === true;
  if (t.unit === '%' && bareActual && dec(a.value).lte(1) && dec(t.value).gt(1)) {
    notes.push(`实际完成值 ${a.value} 按比例读作 ${dec(a.value).times(100).toFixed()}%`);
    a = { value: dec(a.value).times(100).toFixed(), unit: '%' };
  } else if (a.unit === '%' && t.unit === null && dec(t.value).lte(1) && !dec(t.value).eq(0)) {
    notes.push(`年度指标值 ${t.value} 按比例读作 ${dec(t.value).times(100).toFixed()}%`);
    t = { value: dec(t.value).times(100).toFixed(), unit: '%' };
  }
  if (t.unit === null || a.unit === null || t.unit === a.unit) {
    const unit = t.unit ?? a.unit;
    // A quantity already in the unit is passed on as it is; only one taking the other's unit is copied.
    return {
      ok: true,
      target: t.unit === unit ? t : { ...t, unit },
      actual: a.unit === unit ? a : { ...a, unit },
      notes,
    };
  }
  const converted = convertUnit(dec(a.value), a.unit, t.unit);
  if (converted === null)
    return { ok: false, message: `年度指标值的单位“${t.unit}”与实际完成值的单位“${a.unit}”不一致，无法比较` };
  notes.push(
    converted.eq(dec(a.value))
      ? `计量单位“${a.unit}”与“${t.unit}”视为相同`
      : `实际完成值 ${a.value}${a.unit} 换算为 ${converted.toFixed()}${t.unit}`,
  );
  return { ok: true, target: t, actual: { value: converted.toFixed(), unit: t.unit }, notes };
};

/**
 * Brings a target and an actual to comparable units before scoring (PARSE-4, PARSE-5): per quantity, per
 * compound part, or the range bounds against a quantity. Other pairs come back unchanged for the scorer to judge
 * (kind mismatches are not a unit question). Never throws: differing unit families give UNIT_MISMATCH.
 */
export const reconcileUnits = (target: ParsedValue, actual: ParsedValue): Reconciled => {
  const mismatch = (message: string): Reconciled => ({ ok: false, code: 'UNIT_MISMATCH', message });
  if (target.kind === 'quantity' && actual.kind === 'quantity') {
    const pair = reconcilePair(target.quantity, actual.quantity);
    if (!pair.ok) return mismatch(pair.message);
    return {
      ok: true,
      target: pair.target === target.quantity ? target : { ...target, quantity: pair.target },
      actual: pair.actual === actual.quantity ? actual : { ...actual, quantity: pair.actual },
      notes: pair.notes,
    };
  }
  if (target.kind === 'compound' && actual.kind === 'compound' && target.parts.length === actual.parts.length) {
    const pairs = target.parts.map((part, index) => reconcilePair(part, actual.parts[index] ?? part));
    const failed = pairs.find((pair) => !pair.ok);
    if (failed && !failed.ok) return mismatch(failed.message);
    const done = pairs.flatMap((pair) => (pair.ok ? [pair] : []));
    return {
      ok: true,
      target: { ...target, parts: done.map((pair) => pair.target) },
      actual: { ...actual, parts: done.map((pair) => pair.actual) },
      notes: done.flatMap((pair) => pair.notes),
    };
  }
  if (target.kind === 'range' && actual.kind === 'quantity') {
    const low = reconcilePair(target.low, actual.quantity);
    const high = reconcilePair(target.high, actual.quantity);
    if (!low.ok) return mismatch(low.message);
    if (!high.ok) return mismatch(high.message);
    return {
      ok: true,
      target: { ...target, low: low.target, high: high.target },
      actual: { ...actual, quantity: low.actual },
      notes: low.notes,
    };
  }
  return { ok: true, target, actual, notes: [] };
};
