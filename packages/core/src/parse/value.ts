import { dec } from '../util/decimal.ts';
import { comparatorFromColumn, splitComparator } from './comparators.ts';
import { readDeadline } from './dates.ts';
import { isNullCell, normalizeCell } from './normalize.ts';
import { canonicalNumber, NUMBER_SOURCE } from './numbers.ts';
import { readSentence } from './sentence.ts';
import type {
  Comparator,
  ComparatorSource,
  ParsedValue,
  ParseError,
  ParseOptions,
  ParseResult,
  Quantity,
} from './types.ts';
import { KNOWN_UNITS, leadingKnownUnit, normalizeUnit } from './units.ts';

const UNIT_SOURCE = String.raw`%|‰|[\p{Script=Han}a-zA-Z²³·]{1,6}`;
const QUANTITY = new RegExp(`^(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`, 'u');
const RANGE = new RegExp(
  `^(${NUMBER_SOURCE})(${UNIT_SOURCE})?(?:-|~|–|—|―|至|到)(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`,
  'u',
);
const PLUS_MINUS = new RegExp(String.raw`^(?:±|\+/-|\+-)(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`, 'u');
const CHINESE_DIGITS = '[零〇一二两三四五六七八九十百千万亿]';
const CHINESE_NUMERAL = new RegExp(
  `^(?:百分之)?${CHINESE_DIGITS}+(?:点${CHINESE_DIGITS}+)?(?:成|倍|${KNOWN_UNITS.join('|')})?$`,
  'u',
);
const NUMERIC_ISH = /^[\d.,%‰≥≤=<>+\-~/]+$/u;
const DITTO = /^(?:〃|"|同上|同前)$/u;
const MAX_CELL_LENGTH = 500;

const error = (code: ParseError['code'], raw: string, reason: string): ParseResult => ({
  ok: false,
  error: { code, message: `无法识别“${raw.trim().slice(0, 60)}”：${reason}`, raw },
});
const ok = (value: ParsedValue): ParseResult => ({ ok: true, value });

type UnitReading = { unit: string | null; note: string | null; implied: boolean };

/** A quantity, marked `impliedUnit` when its unit came from the hint rather than the cell. */
const quantityOf = (value: string, reading: UnitReading): Quantity =>
  reading.implied ? { value, unit: reading.unit, impliedUnit: true } : { value, unit: reading.unit };

/**
 * The unit after a number. A known unit is taken as written; a word that opens with a known unit ("个项目")
 * gives that unit; any other short word is kept as the unit ("批次", "万"). With no unit the hint applies.
 */
const readUnit = (number: string, written: string | undefined, hint: string | null): UnitReading => {
  const unit = normalizeUnit(written);
  if (unit === null) {
    return hint === null
      ? { unit: null, note: null, implied: false }
      : { unit: hint, note: `计量单位取自指标名称或计量单位栏：${hint}`, implied: true };
  }
  if (unit === '%' || unit === '‰' || KNOWN_UNITS.includes(unit)) return { unit, note: null, implied: false };
  const leading = leadingKnownUnit(unit);
  if (leading !== null) {
    const normal = normalizeUnit(leading) ?? leading;
    return { unit: normal, note: `“${number}${unit}”读作 ${number}${normal}`, implied: false };
  }
  return { unit, note: null, implied: false };
};

/** The comparator written in a 指标性质 column wins; the text's is used otherwise (PARSE-3). */
const chooseComparator = (
  column: Comparator | null,
  text: Comparator | null,
): { comparator: Comparator | null; source: ComparatorSource | null } => {
  if (column !== null) return { comparator: column, source: 'column' };
  if (text !== null) return { comparator: text, source: 'text' };
  return { comparator: null, source: null };
};

const malformedReason = (text: string): string => {
  if (/%.*%/u.test(text)) return '百分号重复';
  if (/\d\.\d*\./u.test(text)) return '小数点重复';
  if (/^-\d/u.test(text)) return '指标值不能为负数';
  if (/,/u.test(text)) return '千分位逗号位置不对';
  return '数字格式不正确';
};

const orderedRange = (a: string, b: string): [string, string] => (dec(a).lte(dec(b)) ? [a, b] : [b, a]);

const unitHints = (unitHint: string | undefined): (string | null)[] =>
  (unitHint ?? '').split('/').map((part) => normalizeUnit(part));

/**
 * Reads one target or actual cell (rules.md PARSE-1..8). Never throws: every input gives a value or a coded
 * error whose Chinese message quotes the text.
 */
export const parseValue = (raw: string, options: ParseOptions = {}): ParseResult => {
  if (typeof raw !== 'string') return error('UNPARSEABLE_VALUE', String(raw), '单元格内容不是文本');
  if (isNullCell(raw)) return ok({ kind: 'null', raw });
  const text = normalizeCell(raw);
  if (DITTO.test(text)) return error('UNPARSEABLE_VALUE', raw, '“同上”类写法无法计分，请填写具体值');
  if (text.length > MAX_CELL_LENGTH) return ok({ kind: 'qualitative', raw, text: text.slice(0, MAX_CELL_LENGTH) });

  const hints = unitHints(options.unitHint);
  const singleHint = hints.length === 1 ? (hints[0] ?? null) : null;
  const column = comparatorFromColumn(options.comparatorColumn);
  const split = splitComparator(text);
  const rest = split.rest.replace(/\s/gu, '');
  const { comparator, source } = chooseComparator(column, split.comparator);
  const notes: string[] = [];
  if (split.strict && source === 'text') {
    notes.push(`严格比较“${text}”按${comparator === 'lte' ? '≤' : '≥'}计分`);
  }
  if (column !== null && split.comparator !== null && column !== split.comparator) {
    notes.push(`采用指标性质栏“${options.comparatorColumn?.trim()}”，不采用文字中的比较方向`);
  }

  const date = readDeadline(rest);
  if (date !== null) {
    if (!date.ok) return error('UNPARSEABLE_VALUE', raw, date.reason);
    return ok({ kind: 'deadline', raw, date: date.date, notes: [...notes, ...date.notes] });
  }

  const quantity = rest.match(QUANTITY);
  if (quantity?.[1]) {
    const value = canonicalNumber(quantity[1]);
    const unit = readUnit(value, quantity[2], singleHint);
    return ok({
      kind: 'quantity',
      raw,
      comparator,
      comparatorSource: source,
      quantity: quantityOf(value, unit),
      notes: unit.note === null ? notes : [...notes, unit.note],
    });
  }

  if (rest.includes('/')) {
    const pieces = rest.split('/').map((piece) => piece.match(QUANTITY));
    if (pieces.length > 1 && pieces.every((piece) => piece?.[1] !== undefined)) {
      const readings = pieces.map((piece, index) => {
        const value = canonicalNumber(piece?.[1] ?? '0');
        const hint = hints.length === pieces.length ? (hints[index] ?? null) : null;
        return { value, reading: readUnit(value, piece?.[2], hint) };
      });
      const parts = readings.map(({ value, reading }) => quantityOf(value, reading));
      const unitNotes = readings.flatMap(({ reading }) => (reading.note === null ? [] : [reading.note]));
      return ok({
        kind: 'compound',
        raw,
        comparator,
        comparatorSource: source,
        parts,
        notes: [...notes, ...unitNotes],
      });
    }
  }

  const range = rest.match(RANGE);
  if (range?.[1] && range[3]) {
    const [low, high] = orderedRange(canonicalNumber(range[1]), canonicalNumber(range[3]));
    const unit = readUnit(high, range[4] ?? range[2], singleHint);
    return ok({
      kind: 'range',
      raw,
      low: quantityOf(low, unit),
      high: quantityOf(high, unit),
      notes: unit.note === null ? notes : [...notes, unit.note],
    });
  }
  const plusMinus = rest.match(PLUS_MINUS);
  if (plusMinus?.[1]) {
    const bound = canonicalNumber(plusMinus[1]);
    const unit = readUnit(bound, plusMinus[2], singleHint);
    return ok({
      kind: 'range',
      raw,
      low: quantityOf(bound === '0' ? '0' : `-${bound}`, unit),
      high: quantityOf(bound, unit),
      notes: [...notes, `±${bound} 读作区间 -${bound} ~ ${bound}`],
    });
  }

  if (CHINESE_NUMERAL.test(rest)) return error('CHINESE_NUMERAL', raw, '数值请用阿拉伯数字填写（如“3个”）');
  if (NUMERIC_ISH.test(rest) && /\d/u.test(rest)) return error('MALFORMED_NUMBER', raw, malformedReason(rest));

  const sentence = readSentence(rest);
  if (sentence !== null) {
    const value = canonicalNumber(sentence.value);
    const chosen = chooseComparator(column, split.comparator ?? sentence.comparator);
    return ok({
      kind: 'quantity',
      raw,
      comparator: chosen.comparator,
      comparatorSource: chosen.source,
      quantity: { value, unit: sentence.unit },
      notes: [...notes, `从文字“${text}”中读取数值 ${value}${sentence.unit}`],
    });
  }
  // A sign promises a number ("≥约95"); a word may open a sentence ("高于同期水平5%"), which stays qualitative.
  if (/^[≥≤<>=]/u.test(text) && /\d/u.test(rest)) {
    return error('UNPARSEABLE_VALUE', raw, '比较符后不是可识别的数值');
  }
  return ok({ kind: 'qualitative', raw, text: text.replace(/[\s。；;，,!！.、:：]+$/u, '') || text });
};
