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

const matches = (pattern: RegExp, text: string): string[] =>
  [...text.matchAll(pattern)].flatMap((match) => (match[1] ? [canonical(match[1])] : []));

/** Extracts 预算 X 万元, 支出 Y 万元, 执行率 Z% and 合计 rows; sub-items and blanks ("专项经费 万元") never match. */
export const extractNarrativeFigures = (text: string): NarrativeFigures => {
  const normalized = text.normalize('NFKC');
  return {
    budgets: matches(BUDGET, normalized),
    spendings: matches(SPENDING, normalized),
    rates: matches(RATE, normalized),
    totalRows: [...normalized.matchAll(TOTAL_ROW)]
      .map((match) => (match[1] ?? '').match(/\d[\d,]*(?:\.\d+)?/g)?.map(canonical) ?? [])
      .filter((numbers) => numbers.length >= 2),
  };
};
