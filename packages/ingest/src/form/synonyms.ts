import type { Level1, Level2 } from '@jixiao/core';

/**
 * What the templates of the provinces call each column and row of the 自评表, as data. Labels are matched after
 * `compact` (NFKC, simplified characters, no spaces), so "績效指標", "一级 指标" and "年度\n指标值" all match.
 * A synonym's confidence says how sure a header cell with that wording is of its column: where two cells claim
 * one column the surer wins, and a header read only through weak synonyms is reported as guessed.
 *
 * To support a new template, add its wording here (and a fixture and test for it): nothing else needs to change.
 */
export type Synonym = { pattern: RegExp; confidence: number };

export const INDICATOR_COLUMNS = [
  'frame',
  'level1',
  'level2',
  'name',
  'target',
  'actual',
  'weight',
  'statedScore',
  'deviationNote',
  'comparator',
  'measureUnit',
  'ignored',
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

export const INDICATOR_SYNONYMS: Record<IndicatorColumn, readonly Synonym[]> = {
  frame: [
    { pattern: /^(年度)?绩效指标(\(\d+(\.\d+)?分\))?$|^绩效指标完成情况$|^年度绩效指标完成情况$/u, confidence: 0.9 },
    { pattern: /^(专项)?年度绩效(指标|目标)(\(\d+(\.\d+)?分\))?$|^绩效目标$/u, confidence: 0.7 },
  ],
  level1: [
    { pattern: /^一级指标/u, confidence: 1 },
    { pattern: /^一级(目标|指标类别)?$|^评价内容$|^指标类别$|^评价维度$/u, confidence: 0.6 },
  ],
  level2: [
    { pattern: /^二级指标/u, confidence: 1 },
    { pattern: /^二级(目标)?$/u, confidence: 0.6 },
  ],
  name: [
    { pattern: /^三级指标/u, confidence: 1 },
    { pattern: /^指标名称$|^具体指标|^指标内容$|^绩效内容$|^绩效指标名称$/u, confidence: 0.8 },
    { pattern: /^指标$|^评价指标$|^考核指标$|^三级$/u, confidence: 0.5 },
  ],
  target: [
    { pattern: /年度指标值|^年度目标值|^预期指标值|^年初目标值|^全年目标值|^绩效目标值|^目标值/u, confidence: 1 },
    { pattern: /^指标值|计划值|预期值|预期实现值|^年初设定目标值|^目标$/u, confidence: 0.8 },
  ],
  actual: [
    { pattern: /实际完成值|^全年完成值|^全年实际值|^实际值|^实际完成$/u, confidence: 1 },
    { pattern: /^完成值|^完成情况$|^实际完成情况$|^实际达到值|^执行情况$/u, confidence: 0.7 },
  ],
  weight: [
    { pattern: /^分值|^指标分值|^指标权重|^权重/u, confidence: 1 },
    { pattern: /^分数$|^标准分|^满分$/u, confidence: 0.7 },
  ],
  statedScore: [
    { pattern: /^得分|^自评得分|^自评分$|^自评分值$/u, confidence: 1 },
    { pattern: /^评分$|^单位自评分$/u, confidence: 0.7 },
  ],
  deviationNote: [
    { pattern: /偏差|未完成原因|原因分析|改进措施|^原因$|^差异原因/u, confidence: 1 },
    { pattern: /^说明$|^情况说明$/u, confidence: 0.5 },
  ],
  comparator: [{ pattern: /^指标性质|^指标方向|^性质$|^方向$|^计算符号$|^符号$/u, confidence: 1 }],
  measureUnit: [{ pattern: /计量单位|度量单位|^单位$|^指标单位$/u, confidence: 1 }],
  ignored: [
    {
      pattern:
        /^复核|^备注$|指标解释|评价标准|评分标准|得分计算方法|计分方法|评价要点|支撑材料|完成率$|^完成比例$|^佐证|^自评内容$|^记录$/u,
      confidence: 0.9,
    },
  ],
};

export const FUND_COLUMNS = [
  'label',
  'initialBudget',
  'adjustedBudget',
  'executed',
  'executionWeight',
  'statedExecutionRate',
  'statedExecutionScore',
  'ignored',
] as const;
export type FundColumn = (typeof FUND_COLUMNS)[number];

export const FUND_SYNONYMS: Record<FundColumn, readonly Synonym[]> = {
  label: [{ pattern: /^(项目)?资金(情况|来源)?|^预算执行情况|^年度预算数?\(|^资金构成|^经费/u, confidence: 0.6 }],
  initialBudget: [{ pattern: /年初预算/u, confidence: 1 }],
  adjustedBudget: [
    { pattern: /^全年预算|^调整后预算|^全年\(调整\)预算|^调整预算|^全年调整后预算/u, confidence: 1 },
    { pattern: /^(20\d{2}年度?)?预算数|^年度预算数?$|^预算金额|^预算资金/u, confidence: 0.7 },
  ],
  executed: [
    { pattern: /^全年执行|^执行数|^实际执行|^预算执行数|^实际支出|^全年实际支出/u, confidence: 1 },
    { pattern: /^支出数|^(20\d{2}年度?)?决算数|^执行金额|^已支出/u, confidence: 0.7 },
  ],
  executionWeight: [{ pattern: /^分值|^执行率权重|^权重|^执行率分值/u, confidence: 1 }],
  statedExecutionRate: [{ pattern: /^(预算)?执行率(?!权重|得分|分值)/u, confidence: 1 }],
  statedExecutionScore: [{ pattern: /^得分|^执行率得分/u, confidence: 1 }],
  ignored: [{ pattern: /^原因|^偏差|^备注|^说明/u, confidence: 0.8 }],
};

/** Rows of the fund block. The total row first; sub-rows are the 其中 rows. */
export const FUND_ROW_LABELS = {
  total: /^(年度)?(财政)?资金总额|^年度总金额|^合计$|^总计$|^资金合计|^年度资金合计|^预算资金总额/u,
  priorYearCarryover: /上年结转|结转资金|结余资金/u,
  other: /其他资金|^其他$|自有资金|自筹资金|社会资金/u,
  currentAppropriation: /财政拨款|财政资金|补助|拨款|预算内|^市县资金|^地方资金|^本级资金|^上级资金|专项资金|^其中$/u,
} as const;
export type FundRowKey = keyof typeof FUND_ROW_LABELS;

/** The row that closes the indicator table: 总分, or 合计 and its variants, possibly with the score in the cell. */
export const TOTAL_ROW =
  /^(总分|总计|合计|综合得分|得分合计|自评总分|项目总得分|总得分|自评得分合计|评价总分)([:：]?\s*\d+(\.\d+)?分?)?$/u;

/** A stated total written beside the table (项目总得分 99分, 自评总分(分) 97.93). */
export const STATED_TOTAL_LABEL = /^(项目总得分|自评总分|总得分|综合得分|自评得分|评价得分)(\(分\))?[:：]?$/u;

export const GRADE = /^(优秀?|良好?|中等?|差|合格|不合格)$/u;

/** Level-1 blocks by their wording, 目标 as well as 指标 (some provinces call them 产出目标). */
export const level1Of = (label: string): Level1 | null => {
  if (/产出/u.test(label)) return 'output';
  if (/效益|效果/u.test(label)) return 'outcome';
  if (/满意/u.test(label)) return 'satisfaction';
  return null;
};

const LEVEL2_PATTERNS: readonly [RegExp, Level2][] = [
  [/数量/u, 'quantity'],
  [/质量/u, 'quality'],
  [/时效|时间|进度/u, 'timeliness'],
  [/成本/u, 'cost'],
  [/经济/u, 'economic'],
  [/社会/u, 'social'],
  [/生态|环境/u, 'ecological'],
  [/可持续|长效/u, 'sustainability'],
  [/满意/u, 'serviceSatisfaction'],
];

export const level2Of = (label: string): Level2 | null =>
  LEVEL2_PATTERNS.find(([pattern]) => pattern.test(label))?.[1] ?? null;

/** Where a level-2 block belongs when the form left its level-1 label out ("(50分)" alone). */
export const LEVEL1_OF_LEVEL2: Record<Level2, Level1> = {
  quantity: 'output',
  quality: 'output',
  timeliness: 'output',
  cost: 'output',
  economic: 'outcome',
  social: 'outcome',
  ecological: 'outcome',
  sustainability: 'outcome',
  serviceSatisfaction: 'satisfaction',
};

/** A cell that is a level-1 label: the block's name, or only its points ("(50分)"). */
export const LEVEL1_LABEL = /^((产出|效益|效果|满意度?|决策|过程)(指标|目标)?|[(（]?\d+(\.\d+)?分[)）]?)/u;
/** A cell that is a level-2 label rather than an indicator's name: short and ending in 指标 / 目标, or a bare block word. */
export const LEVEL2_LABEL =
  /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|可持续|服务对象满意度|经济|社会|生态|长效管理)(指标|目标)?$/u;

/** "产出指标(50分)" → "50". */
export const declaredWeightOf = (label: string): string => label.match(/(\d+(?:\.\d+)?)分/u)?.[1] ?? '';

/** Titles that name the kind of form. */
export const KIND_TITLES = {
  targetDeclaration: /绩效目标(申报|申请)?表(?!.*自评)|目标申报|绩效目标表/u,
  departmentOverall: /部门整体|整体支出|单位整体/u,
  monitoring: /运行监控|执行监控|监控表/u,
} as const;
