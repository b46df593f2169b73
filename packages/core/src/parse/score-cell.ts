import { isNullCell, normalizeCell } from './normalize.ts';
import { canonicalNumber, NUMBER_SOURCE } from './numbers.ts';
import type { ParseError } from './types.ts';

export type ScoreCellResult =
  | {
      ok: true;
      /** Canonical decimal string, or null for a blank / null-marker cell. */
      value: string | null;
      /** The unit the cell wrote and the reader dropped ("分", "万元", "元"), so money callers can check it. */
      unit: string | null;
    }
  | { ok: false; error: ParseError };

const BARE_FIGURE = /^\d+(?:\.\d+)?$/;

const PLAIN_NUMBER = new RegExp(`^(${NUMBER_SOURCE})(分|万元|亿元|千元|万|元)?$`, 'u');

/**
 * 分值 / 得分 / money cells: a plain number ("7.3", "5分", "38万元", "2,000元", "¥1,000", "300萬元"), null when
 * blank, or a coded error.
 */
export const parseScoreCell = (raw: string): ScoreCellResult => {
  // Most cells are a bare figure ("5", "7.3"), which the full reading below takes whole as the number.
  if (BARE_FIGURE.test(raw)) return { ok: true, value: canonicalNumber(raw), unit: null };
  if (isNullCell(raw)) return { ok: true, value: null, unit: null };
  const text = normalizeCell(raw)
    .replace(/\s/gu, '')
    .replace(/^[¥￥]/u, '');
  const match = text.match(PLAIN_NUMBER);
  if (match?.[1]) return { ok: true, value: canonicalNumber(match[1]), unit: match[2] ?? null };
  return {
    ok: false,
    error: { code: 'MALFORMED_NUMBER', message: `无法识别“${raw.trim().slice(0, 60)}”：应为数字`, raw },
  };
};
