import { type EvaluationForm, LEVEL1_LABELS, LEVEL2_LABELS } from '@jixiao/core';

/**
 * The official 项目支出绩效自评表 as a grid of 9 columns with merges, shared by the HTML, Word and Excel
 * renderers so the three documents lay the form out the same way (and the readers read all three back).
 */
export const FORM_COLUMNS = 9;

export type CellRole = 'title' | 'label' | 'header' | 'text' | 'amount' | 'rate' | 'score';

export type LayoutCell = {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  role: CellRole;
  /** Which form field the cell shows, for renderers that write formulas or numbers (xlsx). */
  field?:
    | 'budgetInitial'
    | 'budgetAdjusted'
    | 'executed'
    | 'executionWeight'
    | 'executionRate'
    | 'executionScore'
    | 'totalWeight'
    | 'totalScore'
    | 'indicatorWeight'
    | 'indicatorScore';
};

export type FormTable = { cells: LayoutCell[]; rows: number; firstIndicatorRow: number; lastIndicatorRow: number };

const level1Label = (form: EvaluationForm, index: number): string => {
  const row = form.indicators[index];
  if (!row) return '';
  const label = row.level1 ? LEVEL1_LABELS[row.level1] : row.level1Label;
  const weight = row.level1 ? form.declaredLevel1Weights[row.level1] : '';
  return weight ? `${label}\n（${weight}分）` : label;
};

const level2Label = (form: EvaluationForm, index: number): string => {
  const row = form.indicators[index];
  return row ? (row.level2 ? LEVEL2_LABELS[row.level2] : row.level2Label) : '';
};

/** Lays the form out; `cells` are in reading order, each once, with its spans. */
export const layoutFormTable = (form: EvaluationForm): FormTable => {
  const cells: LayoutCell[] = [];
  let r = 0;
  const put = (
    col: number,
    text: string,
    role: CellRole,
    span: Partial<Pick<LayoutCell, 'rowSpan' | 'colSpan' | 'field'>> = {},
  ) => {
    cells.push({
      row: r,
      col,
      rowSpan: span.rowSpan ?? 1,
      colSpan: span.colSpan ?? 1,
      text,
      role,
      ...(span.field ? { field: span.field } : {}),
    });
  };
  const { funds } = form;

  put(0, '项目支出名称', 'label');
  put(1, form.projectName, 'text', { colSpan: 8 });
  r++;
  put(0, '主管部门', 'label');
  put(1, form.department, 'text', { colSpan: 4 });
  put(5, '实施单位', 'label');
  put(6, form.implementingUnit, 'text', { colSpan: 3 });
  r++;
  put(0, `项目资金\n（${funds.unit}）`, 'label', { rowSpan: 5 });
  put(1, '', 'label', { colSpan: 2 });
  for (const [i, label] of ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].entries())
    put(3 + i, label, 'header');
  r++;
  put(1, '年度资金总额', 'label', { colSpan: 2 });
  put(3, funds.total.initialBudget, 'amount', { field: 'budgetInitial' });
  put(4, funds.total.adjustedBudget, 'amount', { field: 'budgetAdjusted' });
  put(5, funds.total.executed, 'amount', { field: 'executed' });
  put(6, funds.executionWeight, 'score', { field: 'executionWeight' });
  put(7, funds.statedExecutionRate, 'rate', { field: 'executionRate' });
  put(8, funds.statedExecutionScore, 'score', { field: 'executionScore' });
  for (const [label, source] of [
    ['其中：当年财政拨款', funds.currentAppropriation],
    ['上年结转资金', funds.priorYearCarryover],
    ['其他资金', funds.other],
  ] as const) {
    r++;
    put(1, label, 'label', { colSpan: 2 });
    put(3, source.initialBudget, 'amount');
    put(4, source.adjustedBudget, 'amount');
    put(5, source.executed, 'amount');
    for (const col of [6, 7, 8]) put(col, '', 'text');
  }
  r++;
  put(0, '年度总体目标', 'label', { rowSpan: 2 });
  put(1, '预期目标', 'header', { colSpan: 4 });
  put(5, '实际完成情况', 'header', { colSpan: 4 });
  r++;
  put(1, form.annualGoal.expected, 'text', { colSpan: 4 });
  put(5, form.annualGoal.actual, 'text', { colSpan: 4 });
  r++;
  const indicators = form.indicators;
  put(0, '绩效指标', 'label', { rowSpan: indicators.length + 1 });
  for (const [i, label] of [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ].entries()) {
    put(1 + i, label, 'header');
  }
  const firstIndicatorRow = r + 1;
  indicators.forEach((indicator, index) => {
    r++;
    const previous = indicators[index - 1];
    const sameLevel1 = previous !== undefined && level1Label(form, index - 1) === level1Label(form, index);
    if (!sameLevel1) {
      let span = 1;
      while (index + span < indicators.length && level1Label(form, index + span) === level1Label(form, index)) span++;
      put(1, level1Label(form, index), 'label', { rowSpan: span });
    }
    if (!sameLevel1 || level2Label(form, index - 1) !== level2Label(form, index)) {
      let span = 1;
      while (
        index + span < indicators.length &&
        level1Label(form, index + span) === level1Label(form, index) &&
        level2Label(form, index + span) === level2Label(form, index)
      ) {
        span++;
      }
      put(2, level2Label(form, index), 'label', { rowSpan: span });
    }
    put(3, indicator.name, 'text');
    put(4, indicator.target, 'text');
    put(5, indicator.actual, 'text');
    put(6, indicator.weight, 'score', { field: 'indicatorWeight' });
    put(7, indicator.statedScore, 'score', { field: 'indicatorScore' });
    put(8, indicator.deviationNote, 'text');
  });
  const lastIndicatorRow = r;
  r++;
  put(0, '总分', 'label', { colSpan: 6 });
  put(6, form.statedTotal.weight, 'score', { field: 'totalWeight' });
  put(7, form.statedTotal.score, 'score', { field: 'totalScore' });
  put(8, '', 'text');
  return { cells, rows: r + 1, firstIndicatorRow, lastIndicatorRow };
};
