import type { MoneyUnit } from '../model/form.ts';
import { parseScoreCell } from '../parse/index.ts';
import { type Decimal, dec } from '../util/decimal.ts';
import { toFen } from '../util/money.ts';

/** A numeric cell read: a value, blank, or unreadable (the raw text is kept for the finding). */
export type NumberCell =
  | { state: 'value'; value: Decimal }
  | { state: 'blank' }
  | { state: 'invalid'; message: string };

const numberCells = new Map<string, NumberCell>();

/** Reads 分值 / 得分 / money cells ("5", "7.3", "5分", "　38"); memoised like the value parser (bounded). */
export const readNumberCell = (raw: string): NumberCell => {
  const hit = numberCells.get(raw);
  if (hit) return hit;
  const parsed = parseScoreCell(raw);
  const cell: NumberCell = !parsed.ok
    ? { state: 'invalid', message: parsed.error.message }
    : parsed.value === null
      ? { state: 'blank' }
      : { state: 'value', value: dec(parsed.value) };
  if (numberCells.size >= 20_000) numberCells.clear();
  numberCells.set(raw, cell);
  return cell;
};

export const cellValue = (cell: NumberCell): Decimal | null => (cell.state === 'value' ? cell.value : null);

export const readFen = (raw: string, unit: MoneyUnit): number | null => {
  const value = cellValue(readNumberCell(raw));
  return value === null ? null : toFen(value, unit);
};

/** A stated rate: "73.03%" → 73.03; a bare "0.7303" is read as a fraction (PARSE-5). */
export const readPercentCell = (raw: string): Decimal | null => {
  const cleaned = raw.replace(/[％%]\s*$/u, '').trim();
  const hadPercent = cleaned.length !== raw.trim().length;
  const value = cellValue(readNumberCell(cleaned));
  if (value === null) return null;
  return !hadPercent && value.lte(1) ? value.times(100) : value;
};
