import {
  DEVIATION_CAUSE_LABELS,
  DEVIATION_CAUSES,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  type MonitoredFundCells,
  type MonitoringReport,
  monitoringExecutionRate,
} from '@jixiao/core';
import { type BudgetLayout, GridBuilder, runsOf } from './budget-year-layout.ts';

export type MonitoringDocumentInput = { report: MonitoringReport; organizationName: string };

/** 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 1-N月执行情况 | 全年预计 | 5 causes | 原因说明 | 3 likelihoods | 备注 */
const WIDTHS = [5, 9, 10, 22, 11, 11, 11, 5, 5, 5, 5, 5, 18, 5, 5, 6, 16];
const COLUMNS = WIDTHS.length;
const TICK = '✔';

/** "1-7月" from the monitoring date; without a date the headers say 执行数 / 执行情况 alone. */
export const monitoringPeriod = (asOf: string): string => {
  const month = Number(asOf.match(/^\d{4}-(\d{2})-\d{2}$/u)?.[1] ?? 0);
  return month >= 1 && month <= 12 ? `1-${month}月` : '';
};

/** The row's execution rate, percent 2 dp half-up, by the engine's own reading of the money cells. */
const rateOf = (report: MonitoringReport, cells: MonitoredFundCells): string => {
  const rate = monitoringExecutionRate({ ...report, funds: { ...report.funds, total: cells } });
  return rate === null ? '' : `${rate}%`;
};

/** The 项目支出绩效目标执行监控表 in the layout of the budget system's export (双监控: money and indicators). */
export const monitoringLayout = ({ report, organizationName }: MonitoringDocumentInput): BudgetLayout => {
  const grid = new GridBuilder();
  const period = monitoringPeriod(report.asOf);
  grid
    .put(0, '项目名称', 'label', 3)
    .put(3, report.projectName, 'text', COLUMNS - 3)
    .next();
  grid.put(0, '主管部门及代码', 'label', 3).put(3, report.department, 'text', 3);
  grid
    .put(6, '实施单位', 'label')
    .put(7, report.implementingUnit, 'text', COLUMNS - 7)
    .next();
  grid.put(0, `项目资金（${report.funds.unit}）`, 'label', 3, 5).put(3, '', 'header', 4);
  grid.put(7, '年初预算数', 'header', 3).put(10, `${period}执行数`, 'header', 3);
  grid.put(13, `${period}执行率`, 'header', 2).put(15, '全年预计执行数', 'header', 2).next();
  const funds: [string, MonitoredFundCells][] = [
    ['年度资金总额', report.funds.total],
    ['其中：财政拨款', report.funds.currentAppropriation],
    ['上年结转资金', report.funds.priorYearCarryover],
    ['其他资金', report.funds.other],
  ];
  for (const [label, cells] of funds) {
    grid.put(3, label, 'label', 4).put(7, cells.budget, 'amount', 3).put(10, cells.executed, 'amount', 3);
    grid.put(13, rateOf(report, cells), 'amount', 2).put(15, cells.expectedAnnual, 'amount', 2).next();
  }
  grid
    .put(0, '年度总体目标', 'label', 3)
    .put(3, report.annualGoal, 'text', COLUMNS - 3)
    .next();
  grid
    .put(0, '总体目标完成情况', 'label', 3)
    .put(3, report.goalProgress, 'text', COLUMNS - 3)
    .next();
  const indicators = report.indicators;
  // The frame cell covers the two header rows only: a cell spanning every indicator row could not break across
  // pages in print, and each 一级指标 run takes its column beside it instead.
  grid.put(0, '绩效指标', 'label', 1, 2);
  grid.put(1, '一级指标', 'header', 1, 2).put(2, '二级指标', 'header', 1, 2).put(3, '三级指标', 'header', 1, 2);
  grid.put(4, '年度指标值', 'header', 1, 2).put(5, `${period}执行情况`, 'header', 1, 2);
  grid.put(6, '全年预计完成情况', 'header', 1, 2).put(7, '偏差原因分析', 'header', 6);
  grid.put(13, '完成目标可能性', 'header', 3).put(16, '备注', 'header', 1, 2).next();
  for (const [index, cause] of DEVIATION_CAUSES.entries()) grid.put(7 + index, DEVIATION_CAUSE_LABELS[cause], 'header');
  grid.put(12, '原因说明', 'header');
  for (const [index, likelihood] of LIKELIHOODS.entries())
    grid.put(13 + index, LIKELIHOOD_LABELS[likelihood], 'header');
  grid.next();
  const first = grid.row;
  const level1 = indicators.map((row) => row.level1Label);
  const level2 = indicators.map((row) => row.level2Label);
  for (const run of runsOf(level1))
    grid.cells.push({
      row: first + run.start,
      col: 0,
      rowSpan: run.length,
      colSpan: 2,
      text: level1[run.start] ?? '',
      role: 'label',
    });
  for (const run of runsOf(level2, level1))
    grid.cells.push({
      row: first + run.start,
      col: 2,
      rowSpan: run.length,
      colSpan: 1,
      text: level2[run.start] ?? '',
      role: 'label',
    });
  for (const row of indicators) {
    grid
      .put(3, row.name, 'text')
      .put(4, row.target, 'text')
      .put(5, row.progress, 'text')
      .put(6, row.expectedAnnual, 'text');
    for (const [index, cause] of DEVIATION_CAUSES.entries()) {
      grid.put(7 + index, row.deviationCauses.includes(cause) ? TICK : '', 'tick');
    }
    grid.put(12, row.deviationReason, 'text');
    for (const [index, likelihood] of LIKELIHOODS.entries()) {
      grid.put(13 + index, row.likelihood === likelihood ? TICK : '', 'tick');
    }
    grid.put(16, row.measures, 'text').next();
  }
  if (indicators.length === 0) {
    grid.put(0, '', 'text', 2);
    for (let col = 2; col < COLUMNS; col++) grid.put(col, '', 'text');
    grid.next();
  }
  grid
    .put(0, '纠偏措施', 'label', 3)
    .put(3, report.measures, 'text', COLUMNS - 3)
    .next();
  return {
    title: '项目支出绩效目标执行监控表',
    subtitle: report.fiscalYear ? `（${report.fiscalYear}年度）` : '',
    note: `填报单位：${organizationName}　　监控日期：${report.asOf || '未填写'}`,
    widths: WIDTHS,
    cells: grid.cells,
    rows: grid.row,
  };
};
