import type { Level1, Level2 } from '@jixiao/core';

/** A label as compared: NFKC, no whitespace of any kind (headers are broken across lines: "项目支\n\n出名称"). */
export const compact = (text: string): string => text.normalize('NFKC').replace(/[\s\u3000]+/gu, '');

/** Cell text for the form: surrounding whitespace and U+3000 trimmed, inner line breaks of a cell kept as written. */
export const cellText = (text: string): string => text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');

export const level1Of = (label: string): Level1 | null => {
  const text = compact(label);
  if (text.includes('产出')) return 'output';
  if (text.includes('效益') || text.includes('效果')) return 'outcome';
  if (text.includes('满意度')) return 'satisfaction';
  return null;
};

const LEVEL2_PATTERNS: readonly [RegExp, Level2][] = [
  [/数量/u, 'quantity'],
  [/质量/u, 'quality'],
  [/时效|时间|进度/u, 'timeliness'],
  [/成本/u, 'cost'],
  [/经济效益|经济/u, 'economic'],
  [/社会效益|社会/u, 'social'],
  [/生态效益|生态|环境/u, 'ecological'],
  [/可持续/u, 'sustainability'],
  [/满意度/u, 'serviceSatisfaction'],
];

export const level2Of = (label: string): Level2 | null => {
  const text = compact(label);
  return LEVEL2_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
};

/** "产出指标(50分)" → "50". */
export const declaredWeightOf = (label: string): string => compact(label).match(/(\d+(?:\.\d+)?)分/u)?.[1] ?? '';

export type IndicatorColumn =
  | 'frame'
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'statedScore'
  | 'deviationNote'
  | 'comparator'
  | 'measureUnit';

const COLUMN_PATTERNS: readonly [RegExp, IndicatorColumn][] = [
  [/^绩效指标$/u, 'frame'],
  [/^一级指标/u, 'level1'],
  [/^二级指标/u, 'level2'],
  [/^三级指标|^指标名称|^具体指标/u, 'name'],
  [/年度指标值|^指标值|目标值|预期指标值|年度目标值|计划值/u, 'target'],
  [/实际完成值|全年完成值|实际完成|完成值|实际值/u, 'actual'],
  [/^分值|^权重|^指标分值/u, 'weight'],
  [/^得分|^自评得分/u, 'statedScore'],
  [/偏差|未完成原因|原因分析|改进措施/u, 'deviationNote'],
  [/指标性质|指标方向|^性质$|^方向$/u, 'comparator'],
  [/计量单位|度量单位|^单位$/u, 'measureUnit'],
];

export const indicatorColumnOf = (label: string): IndicatorColumn | null => {
  const text = compact(label);
  return COLUMN_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
};

export const FUND_COLUMNS = {
  initialBudget: /年初预算/u,
  adjustedBudget: /全年预算|调整后预算/u,
  executed: /全年执行|执行数|实际支出/u,
  executionWeight: /^分值$/u,
  statedExecutionRate: /执行率/u,
  statedExecutionScore: /^得分$/u,
} as const;

export type FundColumn = keyof typeof FUND_COLUMNS;

export const FUND_ROWS = {
  total: /年度资金总额|资金总额|^合计$/u,
  currentAppropriation: /当年财政拨款|本年财政拨款|财政拨款/u,
  priorYearCarryover: /上年结转/u,
  other: /其他资金/u,
} as const;

export type FundRow = keyof typeof FUND_ROWS;
