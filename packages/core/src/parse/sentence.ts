/**
 * Short phrases that carry one figure ("完成1434户调查摸底工作", "群众满意度达到95%以上"): clerks often write the
 * target as a phrase, and reading its one number and unit lets it be scored against "1434户". Longer text, text
 * with several figures, or text that negates ("未完成1434户") stays qualitative.
 */
import type { Comparator } from './types.ts';
import { leadingKnownUnit, normalizeUnit } from './units.ts';

export type SentenceReading = { value: string; unit: string; comparator: Comparator | null };

const MAX_PHRASE_LENGTH = 30;
const FIGURE = /\d[\d,]*(?:\.\d+)?/gu;
const NEGATION = /未|没有|尚未|不足|无法|不能|暂未/u;
// "高于同期5%" is relative to a baseline the cell does not give, so the figure is not a target on its own.
const RELATIVE = /同期|同比|环比|上年|去年|往年|基数/u;
const GTE_WORDS = /不低于|不少于|不小于|大于等于|至少|达到|超过|以上|之上/u;
const LTE_WORDS = /不高于|不超过|不大于|不多于|小于等于|控制在|以内|之内|以下|低于|小于/u;

/** The one number with a known unit in a short phrase, or null when the phrase should stay qualitative. */
export const readSentence = (text: string): SentenceReading | null => {
  if (text.length > MAX_PHRASE_LENGTH || NEGATION.test(text) || RELATIVE.test(text)) return null;
  const figures = [...text.matchAll(FIGURE)];
  if (figures.length !== 1) return null;
  const [figure] = figures;
  if (!figure || figure.index === undefined) return null;
  const before = text.slice(0, figure.index);
  const after = text.slice(figure.index + figure[0].length);
  // A figure glued to latin letters or signs ("V2.0", "ISO9001") is a name, not a quantity.
  if (/[a-zA-Z.\-/]$/u.test(before) || /^[a-zA-Z.]/u.test(after)) return null;
  const unit = after.startsWith('%') ? '%' : leadingKnownUnit(after);
  if (unit === null) return null;
  if (unit === '年' && /^(?:19|20)\d{2}$/u.test(figure[0])) return null;
  const rest = before + after.slice(unit.length);
  const comparator: Comparator | null = GTE_WORDS.test(rest) ? 'gte' : LTE_WORDS.test(rest) ? 'lte' : null;
  return { value: figure[0], unit: normalizeUnit(unit) ?? unit, comparator };
};
