import type { MoneyUnit } from '../model/form.ts';
import { parseScoreCell } from '../parse/index.ts';
import { type Decimal, dec } from '../util/decimal.ts';
import { toFen } from '../util/money.ts';
import { memoise } from './parse-cache.ts';

/** A numeric cell read: a value, blank, or unreadable (the raw text is kept for the finding). */
export type NumberCell =
  /** `unit` is the money unit the cell wrote ("38万元", "380000元"), if any. */
  | { state: 'value'; value: Decimal; unit: MoneyUnit | null }
  | { state: 'blank' }
  | { state: 'invalid'; message: string };

const numberCells = new Map<string, NumberCell>();

/** A cell's own money unit, brought to the two the form uses: 万 is 万元, 亿元 is 10 000 万元, 千元 is 1 000 元. */
const moneyValue = (value: Decimal, unit: string | null): NumberCell => {
  switch (unit) {
    case '万':
    case '万元':
      return { state: 'value', value, unit: '万元' };
    case '亿元':
      return { state: 'value', value: value.times(10_000), unit: '万元' };
    case '千元':
      return { state: 'value', value: value.times(1_000), unit: '元' };
    case '元':
      return { state: 'value', value, unit: '元' };
    default:
      return { state: 'value', value, unit: null };
  }
};

/** Reads 分值 / 得分 / money cells ("5", "7.3", "5分", "　38"); memoised like the value parser (bounded). */
export const readNumberCell = (raw: string): NumberCell => {
  const hit = numberCells.get(raw);
  if (hit) return hit;
  const parsed = parseScoreCell(raw);
  const cell: NumberCell = !parsed.ok
    ? { state: 'invalid', message: parsed.error.message }
    : parsed.value === null
      ? { state: 'blank' }
      : moneyValue(dec(parsed.value), parsed.unit);
  if (numberCells.size >= 20_000) numberCells.clear();
  numberCells.set(raw, cell);
  return cell;
};

export const cellValue = (cell: NumberCell): Decimal | null => (cell.state === 'value' ? cell.value : null);

/** A money cell in 分 in one table unit, remembered per cell: the scorer and several checks read the fund block. */
const fenReader = (unit: MoneyUnit) =>
  memoise((raw): number | null => {
    const cell = readNumberCell(raw);
    return cell.state === 'value' ? toFen(cell.value, cell.unit ?? unit) : null;
  }, 20_000);

const fenReaders: Record<MoneyUnit, (raw: string) => number | null> = { 元: fenReader('元'), 万元: fenReader('万元') };

/** A money cell in 分: in the form's unit unless the cell wrote its own ("380000元" in a 万元 table). */
export const readFen = (raw: string, unit: MoneyUnit): number | null => fenReaders[unit](raw);

/** A stated rate: "73.03%" → 73.03; a bare "0.7303" is read as a fraction (PARSE-5). */
export const readPercentCell = (raw: string): Decimal | null => {
  const cleaned = raw.replace(/[％%]\s*$/u, '').trim();
  const hadPercent = cleaned.length !== raw.trim().length;
  const value = cellValue(readNumberCell(cleaned));
  if (value === null) return null;
  return !hadPercent && value.lte(1) ? value.times(100) : value;
};
