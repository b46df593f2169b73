import { comparatorFromColumn, splitComparator } from './comparators.ts';
import { isNullCell, normalizeCell } from './normalize.ts';
import { canonicalNumber, NUMBER_SOURCE } from './numbers.ts';
import type {
  Comparator,
  ComparatorSource,
  DatePoint,
  ParsedValue,
  ParseError,
  ParseOptions,
  ParseResult,
  Quantity,
} from './types.ts';
import { normalizeUnit } from './units.ts';

const UNIT_SOURCE = String.raw`%|‰|百分比|[\p{Script=Han}a-zA-Z²³·]{1,6}`;
const QUANTITY = new RegExp(String.raw`^(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`, 'u');
const RANGE = new RegExp(
  String.raw`^(${NUMBER_SOURCE})(${UNIT_SOURCE})?\s*(?:-|~|–|—|至|到)\s*(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`,
  'u',
);
const PLUS_MINUS = new RegExp(String.raw`^±(${NUMBER_SOURCE})(${UNIT_SOURCE})?$`, 'u');
const DEADLINE =
  /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(?:底|末|份|中旬|下旬)?(?:之前|以前|前)(?:完成|办结|到位)?$|^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(?:底|末)(?:完成|办结|到位)?$/u;
const DATE_ONLY = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(?:底|末|份)?(?:完成|办结|到位)?$/u;
const CHINESE_NUMERAL = /^[零一二两三四五六七八九十百千万]+[\p{Script=Han}]{0,4}$/u;
const NUMERIC_ISH = /^[\d.,%‰≥≤=<>+\-~/\s]+$/u;

const error = (code: ParseError['code'], raw: string, message: string): ParseResult => ({
  ok: false,
  error: { code, message, raw },
});
const ok = (value: ParsedValue): ParseResult => ({ ok: true, value });

const unitOr = (written: string | undefined, hint: string | null): { unit: string | null; fromHint: boolean } => {
  const unit = normalizeUnit(written);
  return unit !== null ? { unit, fromHint: false } : { unit: hint, fromHint: hint !== null };
};

const toDate = (year: string | undefined, month: string | undefined, day: string | undefined): DatePoint | null => {
  const m = Number(month);
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  const d = day === undefined ? null : Number(day);
  if (d !== null && (d < 1 || d > 31)) return null;
  return { year: year === undefined ? null : Number(year), month: m, day: d };
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

/**
 * Reads one target or actual cell (rules.md PARSE-1..8). Never throws: every input gives a value or a coded
 * error with a Chinese message quoting the text.
 */
export const parseValue = (raw: string, options: ParseOptions = {}): ParseResult => {
  if (typeof raw !== 'string') return error('UNPARSEABLE_VALUE', String(raw), '单元格内容不是文本');
  if (isNullCell(raw)) return ok({ kind: 'null', raw });
  const text = normalizeCell(raw);
  if (text.length > 500) return ok({ kind: 'qualitative', raw, text: text.slice(0, 500) });
  const hintParts = (options.unitHint ?? '').split('/').map((part) => normalizeUnit(part));
  const singleHint = hintParts.length === 1 ? (hintParts[0] ?? null) : null;
  const column = comparatorFromColumn(options.comparatorColumn);
  const { comparator: textComparator, strict, rest } = splitComparator(text);
  const { comparator, source } = chooseComparator(column, textComparator);
  const notes: string[] = [];
  if (strict && source === 'text') notes.push(`严格比较“${text}”按${comparator === 'lte' ? '≤' : '≥'}计分`);

  const compact = text.replace(/\s/g, '');
  const deadline = compact.match(DEADLINE);
  if (deadline) {
    const date = toDate(deadline[1] ?? deadline[4], deadline[2] ?? deadline[5], deadline[3] ?? deadline[6]);
    if (date) return ok({ kind: 'deadline', raw, date, notes });
    return error('UNPARSEABLE_VALUE', raw, `无法识别“${raw.trim()}”：日期不合法`);
  }
  const dateOnly = compact.match(DATE_ONLY);
  if (dateOnly) {
    const date = toDate(dateOnly[1], dateOnly[2], dateOnly[3]);
    if (date) return ok({ kind: 'deadline', raw, date, notes: [...notes, '日期读作完成时间'] });
  }

  const quantity = rest.match(QUANTITY);
  if (quantity?.[1]) {
    const { unit, fromHint } = unitOr(quantity[2], singleHint);
    if (fromHint) notes.push(`计量单位取自指标名称或单位栏：${unit}`);
    return ok({
      kind: 'quantity',
      raw,
      comparator,
      comparatorSource: source,
      quantity: { value: canonicalNumber(quantity[1]), unit },
      notes,
    });
  }

  if (rest.includes('/') && !rest.startsWith('/') && !rest.endsWith('/')) {
    const pieces = rest.split('/').map((piece) => piece.trim().match(QUANTITY));
    if (pieces.every((piece) => piece?.[1] !== undefined)) {
      const parts: Quantity[] = pieces.map((piece, index) => {
        const hint = hintParts.length === pieces.length ? (hintParts[index] ?? null) : null;
        return { value: canonicalNumber(piece?.[1] ?? '0'), unit: unitOr(piece?.[2], hint).unit };
      });
      return ok({ kind: 'compound', raw, comparator, comparatorSource: source, parts, notes });
    }
  }

  const range = rest.match(RANGE);
  if (range?.[1] && range[3]) {
    const unit = unitOr(range[4] ?? range[2], singleHint).unit;
    const [low, high] = [canonicalNumber(range[1]), canonicalNumber(range[3])];
    const ordered = Number(low) <= Number(high) ? [low, high] : [high, low];
    return ok({
      kind: 'range',
      raw,
      low: { value: ordered[0] ?? low, unit },
      high: { value: ordered[1] ?? high, unit },
      notes,
    });
  }
  const plusMinus = rest.match(PLUS_MINUS);
  if (plusMinus?.[1]) {
    const unit = unitOr(plusMinus[2], singleHint).unit;
    const bound = canonicalNumber(plusMinus[1]);
    return ok({
      kind: 'range',
      raw,
      low: { value: `-${bound}`, unit },
      high: { value: bound, unit },
      notes: [...notes, `±${bound} 读作区间`],
    });
  }

  if (CHINESE_NUMERAL.test(rest)) {
    return error('CHINESE_NUMERAL', raw, `无法识别“${raw.trim()}”：请用阿拉伯数字填写数值`);
  }
  if (NUMERIC_ISH.test(rest) && /\d/.test(rest)) {
    const reason = /%.*%/.test(rest) ? '百分号重复' : /\d\.\d*\./.test(rest) ? '小数点重复' : '数字格式不正确';
    return error('MALFORMED_NUMBER', raw, `无法识别“${raw.trim()}”：${reason}`);
  }
  if (textComparator !== null && /\d/.test(rest)) {
    return error('UNPARSEABLE_VALUE', raw, `无法识别“${raw.trim()}”：比较符后不是可识别的数值`);
  }
  return ok({ kind: 'qualitative', raw, text: text.replace(/[。；;，,!！]+$/u, '') });
};

/** 得分 / 分值 / money cells: a plain number (a trailing 分 or 万元 dropped), null when blank, or a coded error. */
export const parseScoreCell = (raw: string): { ok: true; value: string | null } | { ok: false; error: ParseError } => {
  if (isNullCell(raw)) return { ok: true, value: null };
  const text = normalizeCell(raw)
    .replace(/(分|万元|元)$/u, '')
    .trim();
  const match = text.match(new RegExp(`^(${NUMBER_SOURCE})$`, 'u'));
  if (match?.[1]) return { ok: true, value: canonicalNumber(match[1]) };
  return { ok: false, error: { code: 'MALFORMED_NUMBER', message: `无法识别“${raw.trim()}”：应为数字`, raw } };
};
