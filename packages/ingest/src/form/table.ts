import { type EvaluationForm, emptyForm, emptyIndicator, type IndicatorRow } from '@jixiao/core';
import {
  cellText,
  compact,
  declaredWeightOf,
  FUND_COLUMNS,
  FUND_ROWS,
  type FundColumn,
  type FundRow,
  type IndicatorColumn,
  indicatorColumnOf,
  level1Of,
  level2Of,
} from './labels.ts';

type Grid = readonly (readonly string[])[];

/** Where a label cell sits: the table row and column. */
type Hit = { row: number; column: number };

const findLabel = (grid: Grid, pattern: RegExp, from = 0): Hit | null => {
  for (let row = from; row < grid.length; row++) {
    const cells = grid[row] ?? [];
    for (let column = 0; column < cells.length; column++) {
      if (pattern.test(compact(cells[column] ?? ''))) return { row, column };
    }
  }
  return null;
};

/** The first non-empty cell after a label in its row (the label's value in a two-column layout). */
const valueAfter = (grid: Grid, pattern: RegExp): string | null => {
  const hit = findLabel(grid, pattern);
  if (!hit) return null;
  const cells = grid[hit.row] ?? [];
  const label = compact(cells[hit.column] ?? '');
  for (let column = hit.column + 1; column < cells.length; column++) {
    const value = cellText(cells[column] ?? '');
    if (compact(value) === label) continue; // a merged label repeated by the reader
    return value;
  }
  return '';
};

export type ProjectFields = Pick<EvaluationForm, 'projectName' | 'projectCode' | 'department' | 'implementingUnit'>;

export const projectFieldsFrom = (grid: Grid): ProjectFields => ({
  projectName: valueAfter(grid, /^项目(支出)?名称$/u) ?? '',
  projectCode: valueAfter(grid, /^项目编码$|^项目代码$/u) ?? '',
  department: valueAfter(grid, /^主管部门(\(单位\))?$|^主管单位$/u) ?? '',
  implementingUnit: valueAfter(grid, /^实施单位$|^项目实施单位$/u) ?? '',
});

/** The fund block: a header row naming the columns, then 年度资金总额 and the 其中 rows. */
export const fundsFrom = (grid: Grid): EvaluationForm['funds'] | null => {
  const header = findLabel(grid, FUND_COLUMNS.initialBudget);
  if (!header) return null;
  const headerCells = grid[header.row] ?? [];
  const columns = new Map<FundColumn, number>();
  headerCells.forEach((cell, index) => {
    for (const [key, pattern] of Object.entries(FUND_COLUMNS) as [FundColumn, RegExp][]) {
      if (!columns.has(key) && pattern.test(compact(cell))) columns.set(key, index);
    }
  });
  const order = [...columns.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key);
  const unitLabel = headerCells.map(compact).find((cell) => cell.includes('资金')) ?? '';
  const funds: EvaluationForm['funds'] = {
    ...emptyForm().funds,
    unit: /\(元\)|（元）/u.test(unitLabel) && !unitLabel.includes('万元') ? '元' : '万元',
  };
  for (let row = header.row + 1; row < Math.min(grid.length, header.row + 8); row++) {
    const cells = grid[row] ?? [];
    const labelIndex = cells.findIndex((cell) =>
      Object.values(FUND_ROWS).some((pattern) => pattern.test(compact(cell))),
    );
    if (labelIndex < 0) continue;
    const label = compact(cells[labelIndex] ?? '');
    const key = (Object.entries(FUND_ROWS) as [FundRow, RegExp][]).find(([, pattern]) => pattern.test(label))?.[0];
    if (!key) continue;
    const read = (column: FundColumn): string => {
      const index = columns.get(column);
      if (index === undefined) return '';
      if (cells.length === headerCells.length) return cellText(cells[index] ?? '');
      return cellText(cells[labelIndex + 1 + order.indexOf(column)] ?? '');
    };
    funds[key] = {
      initialBudget: read('initialBudget'),
      adjustedBudget: read('adjustedBudget'),
      executed: read('executed'),
    };
    if (key === 'total') {
      funds.executionWeight = read('executionWeight');
      funds.statedExecutionRate = read('statedExecutionRate');
      funds.statedExecutionScore = read('statedExecutionScore');
    }
  }
  return funds;
};

/** 年度总体目标: the row after the 预期目标 / 实际完成情况 header holds the two texts. */
export const annualGoalFrom = (grid: Grid): EvaluationForm['annualGoal'] => {
  const header = findLabel(grid, /^预期目标$/u);
  if (!header) {
    const inline = valueAfter(grid, /^年度总体目标$|^年度绩效目标$|^总体目标$/u);
    return { expected: inline ?? '', actual: '' };
  }
  const headerCells = grid[header.row] ?? [];
  const actualColumn = headerCells.findIndex((cell) => /实际完成/u.test(compact(cell)));
  const next = grid[header.row + 1] ?? [];
  if (next.length === headerCells.length && actualColumn >= 0) {
    return { expected: cellText(next[header.column] ?? ''), actual: cellText(next[actualColumn] ?? '') };
  }
  const texts = next.map(cellText).filter((cell) => cell !== '' && !/年度总体目标/u.test(compact(cell)));
  return { expected: texts[0] ?? '', actual: texts[1] ?? '' };
};

export type IndicatorTable = {
  indicators: IndicatorRow[];
  declaredLevel1Weights: EvaluationForm['declaredLevel1Weights'];
  statedTotal: EvaluationForm['statedTotal'];
  statedGrade: string;
};

const TOTAL_ROW = /^(总分|合计|总计|综合得分)$/u;
const GRADE = /^(优秀?|良好?|中等?|差|合格|不合格)$/u;

/** Re-joins rows that a line break inside a cell split, so each has the header's width. */
const rejoin = (rows: Grid, width: number): string[][] => {
  const joined: string[][] = [];
  let pending: string[] = [];
  for (const row of rows) {
    pending = [...pending, ...row];
    if (pending.length >= width || TOTAL_ROW.test(compact(pending.find((cell) => compact(cell) !== '') ?? ''))) {
      while (pending.length >= width * 2) joined.push(pending.splice(0, width));
      joined.push(pending);
      pending = [];
    }
  }
  if (pending.length > 0) joined.push(pending);
  return joined;
};

/** The indicator block: the header row with 一级/二级/三级指标, then rows until 总分. */
export const indicatorTableFrom = (grid: Grid): IndicatorTable | null => {
  const header = findLabel(grid, /^三级指标|^指标名称$/u) ?? findLabel(grid, /^二级指标/u);
  if (!header) return null;
  const columns = (grid[header.row] ?? []).map(indicatorColumnOf);
  if (!columns.includes('name') || !columns.includes('target')) return null;
  const width = columns.length;
  const table: IndicatorTable = {
    indicators: [],
    declaredLevel1Weights: { output: '', outcome: '', satisfaction: '' },
    statedTotal: { weight: '', score: '' },
    statedGrade: '',
  };
  let level1Label = '';
  let level2Label = '';
  for (const cells of rejoin(grid.slice(header.row + 1), width)) {
    const first = cells.map(cellText).find((cell) => compact(cell) !== '') ?? '';
    if (TOTAL_ROW.test(compact(first))) {
      const values = cells.map(cellText).filter((cell) => compact(cell) !== '' && !TOTAL_ROW.test(compact(cell)));
      const numbers = values.filter((cell) => /^\d+(\.\d+)?分?$/u.test(compact(cell)));
      table.statedTotal = { weight: numbers[0] ?? '', score: numbers[1] ?? '' };
      table.statedGrade = values.find((cell) => GRADE.test(compact(cell))) ?? '';
      break;
    }
    const byColumn = new Map<IndicatorColumn, string>();
    // A row narrower or wider than the header lost or gained cells on the left (merged level columns), so
    // columns are aligned from the right, where target, actual, weight and score sit.
    const offset = cells.length - width;
    columns.forEach((column, index) => {
      if (column && index + offset >= 0) byColumn.set(column, cells[index + offset] ?? '');
    });
    const level1Cell = cellText(byColumn.get('level1') ?? '');
    const level2Cell = cellText(byColumn.get('level2') ?? '');
    if (compact(level1Cell) !== '') level1Label = level1Cell;
    if (compact(level2Cell) !== '') level2Label = level2Cell;
    const level1 = level1Of(level1Label);
    const weight = declaredWeightOf(level1Label);
    if (level1 && weight) table.declaredLevel1Weights[level1] = weight;
    const read = (column: IndicatorColumn): string => cellText(byColumn.get(column) ?? '');
    table.indicators.push(
      emptyIndicator({
        level1,
        level1Label: compact(level1Label).replace(/[(（]\d+(\.\d+)?分[)）]/u, ''),
        level2: level2Of(level2Label),
        level2Label: compact(level2Label),
        name: read('name'),
        target: read('target'),
        actual: read('actual'),
        weight: read('weight'),
        statedScore: read('statedScore'),
        deviationNote: read('deviationNote'),
        comparator: read('comparator'),
        measureUnit: read('measureUnit'),
      }),
    );
  }
  return table;
};
