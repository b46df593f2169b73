import {
  type DeviationCause,
  emptyMonitoredFundCells,
  emptyMonitoringReport,
  LIKELIHOOD_LABELS,
  type Likelihood,
  type MonitoredFundCells,
  type MonitoredIndicator,
  type MonitoringReport,
} from '@jixiao/core';
import { cellText } from '../form/chinese.ts';
import type { ImportWarning } from '../types.ts';
import { fundRowKey } from './declaration-sheet.ts';
import {
  type BudgetSheet,
  columnsMatching,
  findCell,
  type Grid,
  isEmptyRow,
  label,
  leadsWithFieldLabel,
  moneyUnitOf,
  rowWarning,
  sheetWarning,
  valueOfField,
  withoutCode,
  yearOf,
} from './grid.ts';
import {
  CAUSE_COLUMNS,
  DEVIATION_GROUP,
  FIELD_LABELS,
  FUND_BLOCK_LABEL,
  LIKELIHOOD_COLUMNS,
  LIKELIHOOD_GROUP,
  MONITORING_COLUMNS,
  MONITORING_FUND_COLUMNS,
  MONITORING_MONTH,
  NOT_TICKED,
  TICK,
} from './vocabulary.ts';

type Read<T> = { value: T; warnings: ImportWarning[] };
type Funds = MonitoringReport['funds'];

/** The monitoring date from the period header ("1-7月执行数" in a 2019 form → 2019-07-31). */
const asOfFrom = (month: number | null, year: number | null): string => {
  if (month === null || year === null || month < 1 || month > 12) return '';
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
};

const monthOf = (grid: Grid): number | null => {
  const hit = findCell(grid, MONITORING_MONTH);
  if (!hit) return null;
  const match = label(grid[hit.row]?.[hit.column] ?? '').match(MONITORING_MONTH);
  return Number(match?.[1] ?? match?.[2]);
};

/** 年度资金总额 and its 其中 rows under the 年初预算数 | 1-N月执行数 | 全年预计执行数 header. */
const fundsOf = (sheet: BudgetSheet): Read<Funds> => {
  const grid = sheet.rows;
  const empty = emptyMonitoringReport().funds;
  const funds: Funds = { ...empty, unit: moneyUnitOf(grid) };
  const warnings: ImportWarning[] = [];
  const headerRow = grid.findIndex(
    (cells) =>
      columnsMatching(cells, [MONITORING_FUND_COLUMNS.executed]).length > 0 &&
      columnsMatching(cells, [MONITORING_FUND_COLUMNS.budget]).length > 0,
  );
  if (headerRow < 0) {
    warnings.push(
      sheetWarning('FUND_BLOCK_NOT_FOUND', sheet, `中没有找到资金表头（年初预算数 / 1-N月执行数），项目资金未读取`),
    );
    return { value: funds, warnings };
  }
  const header = grid[headerRow] ?? [];
  const column = (pattern: RegExp) => columnsMatching(header, [pattern])[0];
  const columns: Record<keyof MonitoredFundCells, number | undefined> = {
    budget: column(MONITORING_FUND_COLUMNS.budget),
    executed: column(MONITORING_FUND_COLUMNS.executed),
    expectedAnnual: column(MONITORING_FUND_COLUMNS.expectedAnnual),
  };
  const firstValueColumn = Math.min(...Object.values(columns).filter((value) => value !== undefined));
  if (columns.expectedAnnual === undefined) {
    warnings.push(rowWarning('FUND_COLUMN_MISSING', sheet, headerRow, '没有“全年预计执行数”列'));
  }
  let found = false;
  for (let row = headerRow + 1; row < Math.min(headerRow + 6, grid.length); row++) {
    const cells = grid[row] ?? [];
    const rowLabel = cells
      .slice(0, firstValueColumn)
      .find((cell) => label(cell) !== '' && !FUND_BLOCK_LABEL.test(label(cell)));
    const key = rowLabel === undefined ? null : fundRowKey(rowLabel);
    if (!key) continue;
    found = found || key === 'total';
    const fundCells = emptyMonitoredFundCells();
    for (const role of Object.keys(columns) as (keyof MonitoredFundCells)[]) {
      const at = columns[role];
      fundCells[role] = at === undefined ? '' : cellText(cells[at] ?? '');
    }
    funds[key] = fundCells;
  }
  if (!found) {
    warnings.push(rowWarning('FUND_TOTAL_MISSING', sheet, headerRow, '资金表头以下没有“年度资金总额”行'));
  }
  return { value: funds, warnings };
};

type TickRead = { ticked: boolean; unclear: string | null };

const tickOf = (text: string): TickRead => {
  const compacted = label(text);
  if (compacted === '' || NOT_TICKED.test(compacted)) return { ticked: false, unclear: null };
  if (TICK.test(compacted)) return { ticked: true, unclear: null };
  return { ticked: false, unclear: cellText(text) };
};

type IndicatorColumns = Partial<Record<keyof typeof MONITORING_COLUMNS, number>> & {
  causes: [number, DeviationCause][];
  likelihoods: [number, Likelihood][];
  deviationGroup: number | undefined;
  likelihoodGroup: number | undefined;
};

const indicatorColumnsOf = (header: readonly string[], sub: readonly string[]): IndicatorColumns => {
  const columns: IndicatorColumns = {
    causes: [],
    likelihoods: [],
    deviationGroup: undefined,
    likelihoodGroup: undefined,
  };
  const taken = new Set<number>();
  // Surest first: 全年预计 before the period columns, so "全年预计执行数" is not read as progress.
  const order: (keyof typeof MONITORING_COLUMNS)[] = [
    'level1',
    'level2',
    'name',
    'target',
    'expectedAnnual',
    'progress',
    'deviationReason',
    'measures',
  ];
  for (const role of order) {
    const found = [
      ...columnsMatching(sub, MONITORING_COLUMNS[role]),
      ...columnsMatching(header, MONITORING_COLUMNS[role]),
    ];
    const column = found.find((candidate) => !taken.has(candidate));
    if (column === undefined) continue;
    columns[role] = column;
    taken.add(column);
  }
  const pick = <T>(table: readonly [RegExp, T][]): [number, T][] =>
    table.flatMap(([pattern, key]) => {
      const column = [...columnsMatching(sub, [pattern]), ...columnsMatching(header, [pattern])][0];
      return column === undefined ? [] : [[column, key] as [number, T]];
    });
  columns.causes = pick(CAUSE_COLUMNS);
  columns.likelihoods = pick(LIKELIHOOD_COLUMNS);
  columns.deviationGroup = columnsMatching(header, [DEVIATION_GROUP])[0];
  columns.likelihoodGroup = columnsMatching(header, [LIKELIHOOD_GROUP])[0];
  return columns;
};

const indicatorsOf = (sheet: BudgetSheet): Read<MonitoredIndicator[]> => {
  const grid = sheet.rows;
  const warnings: ImportWarning[] = [];
  const headerRow = grid.findIndex(
    (cells) =>
      columnsMatching(cells, MONITORING_COLUMNS.name).length > 0 &&
      columnsMatching(cells, MONITORING_COLUMNS.target).length > 0,
  );
  if (headerRow < 0) {
    warnings.push(
      sheetWarning(
        'INDICATOR_TABLE_NOT_FOUND',
        sheet,
        `中没有找到绩效指标表头（三级指标 / 年度指标值），未读取任何指标`,
      ),
    );
    return { value: [], warnings };
  }
  const header = grid[headerRow] ?? [];
  const next = grid[headerRow + 1] ?? [];
  const hasSubHeader = [...CAUSE_COLUMNS, ...LIKELIHOOD_COLUMNS].some(
    ([pattern]) => columnsMatching(next, [pattern]).length > 0,
  );
  const columns = indicatorColumnsOf(header, hasSubHeader ? next : []);
  const at = (cells: readonly string[], column: number | undefined) =>
    column === undefined ? '' : cellText(cells[column] ?? '');
  const indicators: MonitoredIndicator[] = [];
  let level1Label = '';
  let level2Label = '';
  for (let row = headerRow + (hasSubHeader ? 2 : 1); row < grid.length; row++) {
    const cells = grid[row] ?? [];
    if (isEmptyRow(cells) || leadsWithFieldLabel(cells, columns.name)) continue;
    level1Label = at(cells, columns.level1) || level1Label;
    level2Label = at(cells, columns.level2) || level2Label;
    const name = at(cells, columns.name);
    if (name === '') {
      if (at(cells, columns.target) !== '') {
        warnings.push(rowWarning('INDICATOR_NAME_MISSING', sheet, row, '有内容但没有三级指标名称，该行未读取'));
      }
      continue;
    }
    const unclear = (column: number, text: string) =>
      warnings.push(
        rowWarning(
          'TICK_UNCLEAR',
          sheet,
          row,
          `指标“${name}”的“${label(next[column] || header[column] || '')}”栏填写了“${text}”，无法判断是否勾选，按未勾选处理`,
        ),
      );
    const deviationCauses = columns.causes.flatMap(([column, cause]) => {
      const tick = tickOf(cells[column] ?? '');
      if (tick.unclear) unclear(column, tick.unclear);
      return tick.ticked ? [cause] : [];
    });
    let likelihood: Likelihood | null = null;
    if (columns.likelihoods.length > 0) {
      const ticked = columns.likelihoods.flatMap(([column, key]) => {
        const tick = tickOf(cells[column] ?? '');
        if (tick.unclear) unclear(column, tick.unclear);
        return tick.ticked ? [key] : [];
      });
      if (ticked.length === 1) likelihood = ticked[0] ?? null;
      else if (ticked.length > 1) {
        const labels = ticked.map((key) => LIKELIHOOD_LABELS[key]).join('、');
        warnings.push(
          rowWarning('LIKELIHOOD_AMBIGUOUS', sheet, row, `指标“${name}”同时勾选了${labels}，完成目标可能性未读取`),
        );
      } else {
        warnings.push(rowWarning('LIKELIHOOD_MISSING', sheet, row, `指标“${name}”没有勾选完成目标可能性`));
      }
    } else if (columns.likelihoodGroup !== undefined) {
      // One text column instead of ticks: "确定能" written out.
      const text = label(cells[columns.likelihoodGroup] ?? '');
      likelihood = LIKELIHOOD_COLUMNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
      if (likelihood === null && text !== '') {
        warnings.push(rowWarning('LIKELIHOOD_UNCLEAR', sheet, row, `指标“${name}”的完成目标可能性“${text}”无法识别`));
      }
    }
    const reasonColumn = columns.deviationReason ?? (columns.causes.length === 0 ? columns.deviationGroup : undefined);
    indicators.push({
      level1Label,
      level2Label,
      name,
      target: at(cells, columns.target),
      progress: at(cells, columns.progress),
      expectedAnnual: at(cells, columns.expectedAnnual),
      deviationCauses,
      deviationReason: at(cells, reasonColumn),
      likelihood,
      measures: at(cells, columns.measures),
    });
  }
  if (indicators.length === 0) {
    warnings.push(rowWarning('NO_INDICATOR_ROWS', sheet, headerRow, '绩效指标表头以下没有填写任何指标行'));
  }
  return { value: indicators, warnings };
};

/** A monitoring sheet (or Word table) read into the report, with what could not be read. */
export const monitoringFromSheet = (sheet: BudgetSheet): Read<MonitoringReport> => {
  const grid = sheet.rows;
  const funds = fundsOf(sheet);
  const indicators = indicatorsOf(sheet);
  const warnings = [...funds.warnings, ...indicators.warnings];
  const fiscalYear = yearOf(grid, 6);
  const month = monthOf(grid);
  const asOf = asOfFrom(month, fiscalYear);
  if (asOf === '') {
    warnings.push(
      sheetWarning(
        'AS_OF_MISSING',
        sheet,
        `中${fiscalYear === null ? '没有找到年度（如“(2019年度)”）' : '没有找到监控期间（如“1-7月执行数”）'}，监控日期未读取`,
      ),
    );
  }
  const field = (pattern: RegExp) => valueOfField(grid, pattern) ?? '';
  const report: MonitoringReport = {
    ...emptyMonitoringReport(),
    fiscalYear,
    asOf,
    projectName: field(FIELD_LABELS.projectName),
    department: withoutCode(field(FIELD_LABELS.department)),
    implementingUnit: field(FIELD_LABELS.implementingUnit),
    funds: funds.value,
    annualGoal: field(/^年度(总体|绩效)?目标$/u) || field(FIELD_LABELS.annualGoal),
    goalProgress: field(FIELD_LABELS.goalProgress),
    indicators: indicators.value,
    measures: field(FIELD_LABELS.projectMeasures),
  };
  if (report.projectName === '') {
    warnings.push(sheetWarning('FIELD_MISSING', sheet, `中没有填写项目名称`));
  }
  return { value: report, warnings };
};
