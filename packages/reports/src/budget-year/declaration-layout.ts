import { type DeclarationForm, LEVEL1_LABELS, LEVEL2_LABELS } from '@jixiao/core';
import { type BudgetLayout, GridBuilder, runsOf } from './budget-year-layout.ts';

export type DeclarationDocumentInput = {
  form: DeclarationForm;
  organizationName: string;
  statusLabel: string;
  revisionNo: number;
};

/** 一级指标 | 二级指标 | 三级指标 (two columns) | 指标性质 | 指标值 | 计量单位 | 分值 */
const WIDTHS = [14, 16, 18, 14, 10, 18, 10, 8];

export const declarationTitle = (form: DeclarationForm): string =>
  `${form.fiscalYear ? `${form.fiscalYear}年度` : ''}项目支出绩效目标申报表`;

/** The 项目支出绩效目标申报表 in its official layout: project facts, 项目资金, 中期 and 年度目标, the indicator table. */
export const declarationLayout = ({
  form,
  organizationName,
  statusLabel,
  revisionNo,
}: DeclarationDocumentInput): BudgetLayout => {
  const grid = new GridBuilder();
  const unit = form.funds.unit;
  grid.put(0, '项目名称', 'label', 2).put(2, form.projectName, 'text', 6).next();
  grid.put(0, '主管部门', 'label', 2).put(2, form.department, 'text', 2);
  grid.put(4, '实施单位', 'label', 2).put(6, form.implementingUnit, 'text', 2).next();
  grid.put(0, '项目属性', 'label', 2).put(2, form.projectCategory, 'text', 2);
  grid.put(4, '项目周期', 'label', 2).put(6, form.projectPeriod, 'text', 2).next();
  grid.put(0, `项目资金（${unit}）`, 'label', 2, 4);
  const funds: [string, string][] = [
    ['年度资金总额', form.funds.total],
    ['其中：财政拨款', form.funds.currentAppropriation],
    ['上年结转资金', form.funds.priorYearCarryover],
    ['其他资金', form.funds.other],
  ];
  for (const [label, amount] of funds) grid.put(2, label, 'label', 2).put(4, amount, 'amount', 4).next();
  grid.put(0, '中期目标', 'label', 2).put(2, form.midTermGoal, 'text', 6).next();
  grid.put(0, '年度目标', 'label', 2).put(2, form.annualGoal, 'text', 6).next();
  grid
    .put(0, '一级指标', 'header')
    .put(1, '二级指标', 'header')
    .put(2, '三级指标', 'header', 2)
    .put(4, '指标性质', 'header')
    .put(5, '指标值', 'header')
    .put(6, '计量单位', 'header')
    .put(7, '分值', 'header')
    .next();
  const rows = form.indicators.length > 0 ? form.indicators : [];
  const level1 = rows.map((row) => row.level1Label || (row.level1 ? LEVEL1_LABELS[row.level1] : ''));
  const level2 = rows.map((row) => row.level2Label || (row.level2 ? LEVEL2_LABELS[row.level2] : ''));
  const first = grid.row;
  for (const run of runsOf(level1))
    grid.cells.push({
      row: first + run.start,
      col: 0,
      rowSpan: run.length,
      colSpan: 1,
      text: level1[run.start] ?? '',
      role: 'label',
    });
  for (const run of runsOf(level2, level1))
    grid.cells.push({
      row: first + run.start,
      col: 1,
      rowSpan: run.length,
      colSpan: 1,
      text: level2[run.start] ?? '',
      role: 'label',
    });
  for (const row of rows) {
    grid.put(2, row.name, 'text', 2).put(4, row.comparator, 'text').put(5, row.target, 'text');
    grid.put(6, row.measureUnit, 'text').put(7, row.weight, 'amount').next();
  }
  if (rows.length === 0) {
    // An empty table still prints one blank row, so the form reads as unfilled rather than cut off.
    for (const col of [0, 1]) grid.put(col, '', 'text');
    grid.put(2, '', 'text', 2).put(4, '', 'text').put(5, '', 'text').put(6, '', 'text').put(7, '', 'text').next();
  }
  return {
    title: declarationTitle(form),
    subtitle: form.fiscalYear ? `（${form.fiscalYear}年度）` : '',
    note: `填报单位：${organizationName}　　状态：${statusLabel}　　第${revisionNo}版`,
    widths: WIDTHS,
    cells: grid.cells,
    rows: grid.row,
  };
};
