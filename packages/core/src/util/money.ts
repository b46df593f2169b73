import type { MoneyUnit } from '../model/form.ts';
import { type Decimal, dec } from './decimal.ts';

/** 分 per unit: 1 元 = 100 分, 1 万元 = 1 000 000 分. */
const FEN_PER_UNIT: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000 };

/** Amount in the form's unit (exact decimal) → integer 分, rounded half up at the 分 (−0.4 分 is 0, not −0). */
export const toFen = (amount: Decimal, unit: MoneyUnit): number =>
  Number(amount.times(FEN_PER_UNIT[unit]).round(0).mantissa);

export const fromFen = (fen: number, unit: MoneyUnit): Decimal => dec(fen).div(FEN_PER_UNIT[unit]);

/** "27.75" for display in the form's unit. */
export const formatAmount = (fen: number, unit: MoneyUnit): string => fromFen(fen, unit).toFixed();
