/** Figures a narrative states about the funds (AUDIT-NARRATIVE), as exact decimal strings in 万元 or %. */
export type NarrativeFigures = {
  budgets: string[];
  spendings: string[];
  rates: string[];
  /** Numbers of each 合计 row of a narrative table, in order. */
  totalRows: string[][];
};

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const SPACE = String.raw`[\s\u3000]*`;

const BUDGET = new RegExp(`预算(?:资金)?(?:共|总额|金额|总计|合计)?(?:为|是)?${SPACE}${NUMBER}${SPACE}万元`, 'gu');
const SPENDING = new RegExp(`(?:实际)?支出(?:共|总额|金额|合计)?(?:为|是)?${SPACE}${NUMBER}${SPACE}万元`, 'gu');
const RATE = new RegExp(`执行率(?:为|达|达到|是)?${SPACE}${NUMBER}${SPACE}[%％]`, 'gu');
/** A 合计 label opening a line (or a table cell), followed only by numbers: tab-, newline- or pipe-separated. */
const TOTAL_ROW = /(?:^|\n)[\s\u3000|]*合[\s\u3000]*计((?:[\s\u3000|]*\d[\d,]*(?:\.\d+)?)+)/gu;

const canonical = (text: string): string => {
  const cleaned = text.replace(/,/g, '');
  return cleaned.includes('.') ? cleaned.replace(/0+$/, '').replace(/\.$/, '') : cleaned;
};

/**
 * The first group of every match of a global `pattern`, in order (an exec loop: matchAll's iterator and copied
 * regex cost more than the scan on a short section). Every pattern needs its keyword, so a text without it is
 * not scanned: most sections of a report never mention 预算, 支出 or 执行率.
 */
const groups = (pattern: RegExp, keyword: string, text: string): string[] => {
  const found: string[] = [];
  if (!text.includes(keyword)) return found;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
};

const matches = (pattern: RegExp, keyword: string, text: string): string[] =>
  groups(pattern, keyword, text).map(canonical);

const totalRows = (text: string): string[][] =>
  groups(TOTAL_ROW, '计', text)
    .map((numbers) => numbers.match(/\d[\d,]*(?:\.\d+)?/g)?.map(canonical) ?? [])
    .filter((numbers) => numbers.length >= 2);

/**
 * Every character whose NFKC form holds 预, 支, 执 or 计, one of which each pattern needs (⽀ is the Kangxi radical
 * 支; no other character normalises to any of the four). A section without any states no figure and is not
 * normalised, which copies it.
 */
export const FIGURE_KEYS = /[预支⽀执计]/u;

const NO_FIGURES = (): NarrativeFigures => ({ budgets: [], spendings: [], rates: [], totalRows: [] });

/** Extracts 预算 X 万元, 支出 Y 万元, 执行率 Z% and 合计 rows; sub-items and blanks ("专项经费 万元") never match. */
export const extractNarrativeFigures = (text: string): NarrativeFigures => {
  if (!FIGURE_KEYS.test(text)) return NO_FIGURES();
  const normalized = text.normalize('NFKC');
  return {
    budgets: matches(BUDGET, '预算', normalized),
    spendings: matches(SPENDING, '支出', normalized),
    rates: matches(RATE, '执行率', normalized),
    totalRows: totalRows(normalized),
  };
};
