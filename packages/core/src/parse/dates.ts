/** PARSE-7 dates: "2022年12月底前", "12月底之前完成", "2022年12月31日前", "年底前", "2022-12-31" → a deadline. */
import type { DatePoint } from './types.ts';

export type DateReading = { ok: true; date: DatePoint; notes: string[] } | { ok: false; reason: string };

const DONE = '(?:完成|办结|到位|完工|验收|实施|落实|结束|启动)?';
const BEFORE = '(?:之前|以前|前|内|止)?';

const MONTH_DAY = new RegExp(
  `^(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?(底|末|份|上旬|中旬|下旬)?${BEFORE}${DONE}$`,
  'u',
);
const YEAR_END = new RegExp(`^(?:(\\d{4})年)?(年底|年末|底|末|上半年|下半年)${BEFORE}${DONE}$`, 'u');
const YEAR_ONLY = new RegExp(`^((?:19|20)\\d{2})年度?${BEFORE}${DONE}$`, 'u');
/** "2022年12月底前完成并验收": a deadline followed by the work it bounds; text that negates is not a deadline. */
const DEADLINE_WITH_WORK =
  /^((?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:底|末|上旬|中旬|下旬)?(?:之前|以前|前))[\p{Script=Han}]{1,12}$/u;
const NEGATION = /未|没有|不能|无法|推迟|延期|延后|滞后/u;
// "2022.12" alone could be a decimal, so the dotted form needs a day.
const NUMERIC = new RegExp(
  `^((?:19|20)\\d{2})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?|\\.(\\d{1,2})\\.(\\d{1,2}))${BEFORE}${DONE}$`,
  'u',
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TEN_DAY_PERIOD_END: Record<string, number> = { 上旬: 10, 中旬: 20 };

const point = (year: string | undefined, month: string | undefined, day: number | null): DateReading => {
  const m = Number(month);
  if (!Number.isInteger(m) || m < 1 || m > 12) return { ok: false, reason: `月份“${month}”不合法` };
  if (day !== null && (day < 1 || day > (DAYS_IN_MONTH[m - 1] ?? 31))) {
    return { ok: false, reason: `${m}月没有${day}日` };
  }
  return { ok: true, date: { year: year === undefined ? null : Number(year), month: m, day }, notes: [] };
};

const withNote = (reading: DateReading, note: string | null): DateReading =>
  reading.ok && note !== null ? { ...reading, notes: [...reading.notes, note] } : reading;

/**
 * Reads a normalised, space-free cell as a date, or returns null when it is not written as one. A date without
 * 前/底 ("2022年11月") is still a completion time and is read as a deadline, with a note.
 */
export const readDeadline = (text: string): DateReading | null => {
  const withWork = text.match(DEADLINE_WITH_WORK);
  if (withWork?.[1] && !NEGATION.test(text) && !MONTH_DAY.test(text)) {
    const date = readDeadline(withWork[1]);
    if (date !== null) return withNote(date, `“${text}”读作截止日期`);
  }
  const monthDay = text.match(MONTH_DAY);
  if (monthDay) {
    const [, year, month, day, period] = monthDay;
    const periodEnd = period === undefined ? undefined : TEN_DAY_PERIOD_END[period];
    const reading = point(year, month, day !== undefined ? Number(day) : (periodEnd ?? null));
    const explicit = /底|末|前|内|止/u.test(text);
    return withNote(
      reading,
      periodEnd !== undefined ? `“${period}”读作${periodEnd}日前` : explicit ? null : '日期读作完成时限',
    );
  }
  const yearEnd = text.match(YEAR_END);
  if (yearEnd) {
    const [, year, part] = yearEnd;
    if ((part === '底' || part === '末') && year === undefined) return null;
    return part === '上半年' ? withNote(point(year, '6', 30), '上半年读作6月30日前') : point(year, '12', null);
  }
  const yearOnly = text.match(YEAR_ONLY);
  if (yearOnly) return withNote(point(yearOnly[1], '12', null), '年份读作当年年底前');
  const numeric = text.match(NUMERIC);
  if (numeric) {
    const [, year, month, day, dottedMonth, dottedDay] = numeric;
    const d = day ?? dottedDay;
    return point(year, month ?? dottedMonth, d === undefined ? null : Number(d));
  }
  return null;
};
