import type { EvaluationForm } from './form.ts';
import { LEVEL1_LABELS } from './labels.ts';

/** The fund block's rows and columns as the 自评表 names them. */
export const FUND_ROW_LABELS = {
  total: '年度资金总额',
  currentAppropriation: '当年财政拨款',
  priorYearCarryover: '上年结转资金',
  other: '其他资金',
} as const;

export const FUND_COLUMN_LABELS = {
  initialBudget: '年初预算数',
  adjustedBudget: '全年预算数',
  executed: '全年执行数',
} as const;

const FUND_CELLS: Readonly<Record<string, string>> = {
  executionWeight: '预算执行分值',
  statedExecutionRate: '执行率（填报）',
  statedExecutionScore: '预算执行得分（填报）',
  unit: '金额单位',
};

const INDICATOR_COLUMNS: Readonly<Record<string, string>> = {
  level1: '一级指标',
  level1Label: '一级指标',
  level2: '二级指标',
  level2Label: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  statedScore: '自评得分',
  deviationNote: '偏差原因',
  comparator: '指标性质',
  measureUnit: '计量单位',
};

const TOP_LEVEL: Readonly<Record<string, string>> = {
  projectName: '项目名称',
  projectCode: '项目编码',
  fiscalYear: '年度',
  department: '主管部门',
  implementingUnit: '实施单位',
  statedGrade: '总分与等级·评价等级',
  'statedTotal.weight': '总分与等级·总分分值',
  'statedTotal.score': '总分与等级·自评总分',
  statedTotal: '总分与等级',
  // The engine's recomputed total (EXECUTION_CAP_APPLIED), not a cell of the form.
  totalScore: '总分（复核）',
  annualGoal: '年度总体目标',
  'annualGoal.expected': '年度总体目标·预期目标',
  'annualGoal.actual': '年度总体目标·实际完成情况',
  funds: '项目资金',
  indicators: '绩效指标',
  narrative: '自评报告',
  formKind: '表格类型',
};

const lookup = (table: Readonly<Record<string, string>>, key: string | undefined): string | undefined =>
  key === undefined ? undefined : Object.hasOwn(table, key) ? table[key] : undefined;

const shortened = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/**
 * A place in the form, for people: "indicators[3].target" is 绩效指标第 4 行（name）·年度指标值, "funds.total.executed"
 * is 项目资金·年度资金总额·全年执行数, "narrative.section7" is 自评报告第 7 部分. The form, when given, adds the row's
 * indicator name. A path this does not know is returned as it is (never guessed).
 */
export const formPlaceLabel = (where: string, form?: EvaluationForm): string => {
  const top = lookup(TOP_LEVEL, where);
  if (top) return top;
  const indicator = where.match(/^indicators\[(\d+)\](?:\.(\w+))?$/u);
  if (indicator) {
    const index = Number(indicator[1]);
    const name = form?.indicators[index]?.name.trim() ?? '';
    const row = `绩效指标第 ${index + 1} 行${name ? `（${shortened(name)}）` : ''}`;
    if (indicator[2] === undefined) return row;
    const column = lookup(INDICATOR_COLUMNS, indicator[2]);
    return column ? `${row}·${column}` : where;
  }
  const fundCell = where.match(/^funds\.(\w+)(?:\.(\w+))?$/u);
  if (fundCell) {
    const [, first, second] = fundCell;
    const row = lookup(FUND_ROW_LABELS, first);
    if (row && second === undefined) return `项目资金·${row}`;
    const column = lookup(FUND_COLUMN_LABELS, second ?? first);
    if (row && column) return `项目资金·${row}·${column}`;
    if (second === undefined && column) return `项目资金·${column}`;
    const single = second === undefined ? lookup(FUND_CELLS, first) : undefined;
    if (single) return `项目资金·${single}`;
    return where;
  }
  const level1 = lookup(LEVEL1_LABELS, where.match(/^declaredLevel1Weights\.(\w+)$/u)?.[1]);
  if (level1) return `绩效指标·${level1}分值`;
  const section = where.match(/^narrative\.section(\d+)$/u);
  if (section) return `自评报告第 ${Number(section[1])} 部分`;
  // RECTIFICATION_OPEN / _OVERDUE name an earlier year's 整改 item, not a place in this form.
  if (/^rectification\.[\w-]+$/u.test(where)) return '以前年度整改事项';
  return where;
};
