import { DEVIATION_CAUSE_LABELS, type DeviationCause, type Likelihood } from '@jixiao/core';
import { INDICATOR_SYNONYMS } from '../form/synonyms.ts';

/**
 * The wordings of the 绩效目标申报表 and the 执行监控表, as data (compared after `compact`). The indicator
 * columns the self-evaluation shares (一级 / 二级 / 三级指标, 指标值, 分值 …) come from its synonym table; what only
 * the budget-year forms have is here. A new province's wording is a new pattern here, nothing else.
 */

/** Field labels of the forms' head; a cell matching one is never another field's value. */
export const FIELD_LABELS = {
  projectName: /^项目(支出)?名称$|^项目\(专项\)名称$|^专项名称$/u,
  projectCode: /^项目(代码|编码)$/u,
  department: /^(主管部门|主管单位|预算部门)(及代码)?$/u,
  implementingUnit: /^(项目)?实施单位$|^项目单位$|^资金使用单位$/u,
  projectCategory: /^项目(属性|类别|类型)$/u,
  projectPeriod: /^项目周期$|^(项目)?实施期$|^专项实施期$/u,
  annualGoal: /^年度(总体)?目标$|^年度绩效目标$|^总体目标$/u,
  midTermGoal: /^中期目标$|^实施期(总体)?目标$/u,
  goalProgress: /^总体目标(完成|执行)情况$|^年度总体目标(完成|执行)情况$/u,
  projectMeasures: /^(纠偏|整改)措施$|^下一步(工作)?措施$/u,
} as const;

export const ANY_FIELD_LABEL = new RegExp(
  Object.values(FIELD_LABELS)
    .map((pattern) => pattern.source)
    .join('|'),
  'u',
);

/** The form's year line: "( 2019年度)", "（2019年）". */
export const YEAR_LINE = /^\(?(20\d{2})年度?\)?$/u;

/** Titles that say which form a sheet is. */
export const TITLES = {
  declaration: /绩效目标(申报|申请)?表|目标申报/u,
  monitoring: /执行监控|运行监控|监控表/u,
  selfEvaluation: /自评表|自评报告/u,
} as const;

/** The money unit in the fund block's label: "项目资金（万元）". */
export const FUND_BLOCK_LABEL = /^(项目)?资金(情况)?(\((万?元)\))?/u;

/** Fund columns of the monitoring table. */
export const MONITORING_FUND_COLUMNS = {
  budget: /^年初预算数?|^全年预算数?|^调整后预算数?|^预算数$/u,
  executed: /^1[-~至—–]\d{1,2}月(实际)?(执行|支出)数?|^截至\d{1,2}月(底|末)?(执行|支出)数?|^(当期)?执行数$/u,
  expectedAnnual: /^全年预计(执行|支出)数?|^预计全年(执行|支出)数?/u,
} as const;

/** The monitoring period in a column header: "1-7月执行数" → 7. */
export const MONITORING_MONTH = /^1[-~至—–](\d{1,2})月|^截至(\d{1,2})月/u;

type Pattern = RegExp;
const synonymsOf = (column: keyof typeof INDICATOR_SYNONYMS, minimum: number): Pattern[] =>
  INDICATOR_SYNONYMS[column].filter((synonym) => synonym.confidence >= minimum).map((synonym) => synonym.pattern);

/** Columns of a declaration's indicator table. */
export const DECLARATION_COLUMNS = {
  level1: synonymsOf('level1', 0.6),
  level2: synonymsOf('level2', 0.6),
  name: synonymsOf('name', 0.8),
  target: synonymsOf('target', 0.8),
  weight: synonymsOf('weight', 0.7),
  comparator: synonymsOf('comparator', 1),
  measureUnit: synonymsOf('measureUnit', 1),
} satisfies Record<string, Pattern[]>;

/** Columns of a monitoring table's indicator rows; the tick columns are named in its second header row. */
export const MONITORING_COLUMNS = {
  level1: synonymsOf('level1', 0.6),
  level2: synonymsOf('level2', 0.6),
  name: synonymsOf('name', 0.8),
  target: synonymsOf('target', 0.8),
  expectedAnnual: [/^全年预计/u, /^预计全年/u],
  progress: [/^1[-~至—–]\d{1,2}月/u, /^截至\d{1,2}月/u, /^(当前|目前)?执行情况$/u, /^(当前|目前)?完成情况$/u],
  deviationReason: [/^原因说明$|^偏差原因说明$|^具体原因$/u],
  measures: [/^备注$|纠偏措施|^改进措施|^整改措施/u],
} satisfies Record<string, Pattern[]>;

/** Group headers over the tick columns. */
export const DEVIATION_GROUP = /偏差原因/u;
export const LIKELIHOOD_GROUP = /完成目标可能性|目标完成可能性|完成可能性/u;

export const CAUSE_COLUMNS: readonly [RegExp, DeviationCause][] = (
  Object.entries(DEVIATION_CAUSE_LABELS) as [DeviationCause, string][]
).map(([cause, label]) => [new RegExp(`^${label}$`, 'u'), cause]);

export const LIKELIHOOD_COLUMNS: readonly [RegExp, Likelihood][] = [
  [/^确定能$|^(能|确定能)完成$|^能$/u, 'certain'],
  [/^有可能$|^可能$|^可能完成$/u, 'possible'],
  [/^完全不可能$|^不可能$|^无法完成$/u, 'impossible'],
];

/** A ticked box, as offices type or paste it; "否", "×" and blanks are not ticks. */
export const TICK = /^[✔√☑✓✅●■◆☒vV]$|^(是|有|对|打钩|勾选)$/u;
export const NOT_TICKED = /^[×xX✕✗✘○□☐\-—/无否]$|^(否|无|没有)$/u;
