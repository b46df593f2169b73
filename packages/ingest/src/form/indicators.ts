import { type EvaluationForm, emptyIndicator, type IndicatorRow, type Level1 } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';
import { alignCells, placeRow } from './align.ts';
import { cellText, compact } from './chinese.ts';
import { fitIndicator } from './fit.ts';
import { type ColumnMap, findHeaderRow, readHeader } from './header.ts';
import {
  declaredWeightOf,
  GRADE,
  INDICATOR_SYNONYMS,
  type IndicatorColumn,
  LEVEL1_LABEL,
  LEVEL1_OF_LEVEL2,
  level1Of,
  level2Of,
  TOTAL_ROW,
} from './synonyms.ts';

type Grid = readonly (readonly string[])[];

export type IndicatorTable = {
  indicators: IndicatorRow[];
  declaredLevel1Weights: EvaluationForm['declaredLevel1Weights'];
  statedTotal: EvaluationForm['statedTotal'];
  statedGrade: string;
  header: ColumnMap<IndicatorColumn>;
  /** The grid row after the table's last row (its 总分 row included). */
  end: number;
  totalRowFound: boolean;
  /** The table stopped at something that is not an indicator row (说明, 注, a new form), not at the grid's end. */
  closedByOtherContent: boolean;
  warnings: ImportWarning[];
};

const WANTED: readonly IndicatorColumn[] = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'statedScore'];

/** A template's filler row ("……", "指标2:"): the empty row above it was a row of the template too. */
const TEMPLATE_ROW_NAME = /^(\.{3,}|…+|指标\d*[:：]?)$/u;

/** The columns as the official form names them, for messages. */
const COLUMN_NAMES: Record<IndicatorColumn, string> = {
  frame: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  statedScore: '得分',
  deviationNote: '偏差原因分析及改进措施',
  comparator: '指标性质',
  measureUnit: '计量单位',
  ignored: '（不读入）',
};

/**
 * Flattened Word text breaks a row where a cell holds a blank line, so in a table whose rows mostly keep every
 * cell (the header's width), a short row and the rows after it that fill it up exactly are one row.
 */
const rejoinSplitRows = (grid: Grid, from: number, width: number): { cells: readonly string[]; last: number }[] => {
  const rows = grid.slice(from);
  const keepsCells = rows.filter((row) => row.length === width).length >= rows.length * 0.6;
  const joined: { cells: readonly string[]; last: number }[] = [];
  for (let index = 0; index < rows.length; index++) {
    let row = [...(rows[index] ?? [])];
    let next = index + 1;
    while (keepsCells && row.length < width && next < rows.length && row.length + (rows[next]?.length ?? 0) <= width) {
      row = [...row, ...(rows[next] ?? [])];
      next++;
    }
    if (row.length === width && next > index + 1) {
      joined.push({ cells: row, last: from + next - 1 });
      index = next - 1;
    } else joined.push({ cells: rows[index] ?? [], last: from + index });
  }
  return joined;
};

/** Rows that end the table without being part of it: notes, signatures, the next form's first rows. */
const OTHER_CONTENT =
  /^(说明[:：]?$|注[:：.．\d]|备注[:：]?$|填报(人|日期)|联系人|(单位|项目|财务)负责人|审核人|项目(支出)?名称$|(项目资金|资金情况)(\(万元\)|\(元\))?$|年度总体目标$|主管部门$)/u;

/**
 * Fills the gaps of a header the synonyms left open from what stands around them: an unnamed cell left of 二级指标
 * is the level-1 column (its header garbled or merged away), empty cells between the level-1 column and the
 * name are level-2, and with no 三级指标 the column right of 二级指标 holds the names.
 */
const completeHeader = (columns: (IndicatorColumn | null)[]): (IndicatorColumn | null)[] => {
  const filled = [...columns];
  const level2 = filled.indexOf('level2');
  if (!filled.includes('level1') && level2 > 0 && filled[level2 - 1] === null) filled[level2 - 1] = 'level1';
  const level1 = filled.indexOf('level1');
  const name = filled.indexOf('name');
  if (level1 >= 0 && name > level1 + 1 && !filled.includes('level2')) {
    for (let index = level1 + 1; index < name; index++) if (filled[index] === null) filled[index] = 'level2';
  }
  if (!filled.includes('name') && level2 >= 0 && filled[level2 + 1] === null) filled[level2 + 1] = 'name';
  const first = filled.findIndex((column) => column !== null);
  for (let index = 0; index < first; index++) filled[index] = 'frame';
  return filled;
};

const valueIn = (
  placed: Map<number, string>,
  columns: readonly (IndicatorColumn | null)[],
  column: IndicatorColumn,
) => {
  const index = columns.indexOf(column);
  return index < 0 ? '' : cellText(placed.get(index) ?? '');
};

export const findIndicatorHeader = (grid: Grid, from = 0): number => {
  let row = findHeaderRow(grid, INDICATOR_SYNONYMS, WANTED, 3, from);
  while (row >= 0) {
    const cells = (grid[row] ?? []).map(compact);
    // A fund header (预算数 / 执行数 / 得分) is not an indicator header even though 得分 matches.
    if (cells.some((cell) => /一级|二级|三级|指标名称|指标|目标值|绩效内容/u.test(cell))) return row;
    row = findHeaderRow(grid, INDICATOR_SYNONYMS, WANTED, 3, row + 1);
  }
  return -1;
};

const readTotalRow = (
  cells: readonly string[],
  columns: readonly (IndicatorColumn | null)[],
): { weight: string; score: string; grade: string } => {
  const label = cells.findIndex((cell) => compact(cell) !== '');
  const inline = compact(cells[label] ?? '').match(/[:：](\d+(\.\d+)?)分?$|^\D+(\d+(\.\d+)?)分?$/u);
  const grade = cells.map(cellText).find((cell) => GRADE.test(compact(cell))) ?? '';
  if (cells.length === columns.length) {
    const placed = new Map(cells.map((cell, index) => [index, cell]));
    const score = valueIn(placed, columns, 'statedScore');
    return { weight: valueIn(placed, columns, 'weight'), score: score || (inline?.[1] ?? inline?.[3] ?? ''), grade };
  }
  const numbers = cells.slice(label + 1).filter((cell) => /^\d+(\.\d+)?分?$/u.test(compact(cell)));
  if (numbers.length === 0) return { weight: '', score: inline?.[1] ?? inline?.[3] ?? '', grade };
  const placed = alignCells(
    numbers,
    columns.map((column) => (column === 'weight' || column === 'statedScore' ? column : null)),
    fitIndicator,
  );
  return { weight: valueIn(placed, columns, 'weight'), score: valueIn(placed, columns, 'statedScore'), grade };
};

/** The indicator block: the header with 一级/二级/三级指标 (in any province's wording), then rows until 总分. */
export const indicatorTableFrom = (grid: Grid, headerRow: number, where: string): IndicatorTable => {
  const header = readHeader(grid, headerRow, INDICATOR_SYNONYMS, ['ignored', 'frame'], 'ignored');
  const columns = completeHeader(header.columns);
  const warnings: ImportWarning[] = header.unknown.map((cell) => ({
    code: 'COLUMN_NOT_UNDERSTOOD',
    message: `绩效指标表的“${cell.text}”列未能识别，其内容未读入`,
    where: `${where}：绩效指标表第 ${cell.index + 1} 列`,
  }));
  if (header.confidence > 0 && header.confidence < 0.8) {
    warnings.push({
      code: 'HEADER_GUESSED',
      message: `绩效指标表的表头用词不常见，按最接近的含义识别：${columns
        .map((column, index) =>
          column && column !== 'frame'
            ? `“${compact(grid[header.row]?.[index] ?? '') || '（空）'}”→${COLUMN_NAMES[column]}`
            : '',
        )
        .filter(Boolean)
        .join('，')}`,
      where: `${where}：绩效指标表表头`,
    });
  }
  const table: IndicatorTable = {
    indicators: [],
    declaredLevel1Weights: { output: '', outcome: '', satisfaction: '' },
    statedTotal: { weight: '', score: '' },
    statedGrade: '',
    header: { ...header, columns },
    end: grid.length,
    totalRowFound: false,
    closedByOtherContent: false,
    warnings,
  };
  let level1Label = '';
  let level2Label = '';
  let aligned = 0;
  let pendingEmpty: IndicatorRow | null = null;
  let level1Opened = false;
  let nextRow = header.row + 1;
  for (const { cells, last } of rejoinSplitRows(grid, header.row + 1, columns.length)) {
    const row = nextRow;
    nextRow = last + 1;
    const written = cells.map(compact).filter((cell) => cell !== '');
    if (written.length === 0) continue;
    // A sub-header repeating one short word under the header cells ("名称 | 名称 | 名称", "(分) | (分)").
    if (row === header.row + 1 && written.length > 1 && new Set(written).size === 1 && (written[0] ?? '').length <= 4) {
      continue;
    }
    const first = written[0] ?? '';
    if (
      TOTAL_ROW.test(first) ||
      (written.length > 1 && TOTAL_ROW.test(written[1] ?? '') && !LEVEL1_LABEL.test(first))
    ) {
      if (pendingEmpty) table.indicators.push(pendingEmpty);
      const total = readTotalRow(cells, columns);
      table.statedTotal = { weight: total.weight, score: total.score };
      table.statedGrade = total.grade;
      table.totalRowFound = true;
      table.end = last + 1;
      break;
    }
    const nextHeader =
      row > header.row + 1 && written.some((cell) => cell.includes('级指标')) && findIndicatorHeader([cells]) === 0;
    if (OTHER_CONTENT.test(first) || nextHeader) {
      table.closedByOtherContent = true;
      table.end = row;
      break;
    }
    const { placed, byContent } = placeRow(cells, columns, fitIndicator);
    const read = (column: IndicatorColumn): string => valueIn(placed, columns, column);
    const level1Cell = read('level1');
    const level2Cell = read('level2');
    if (compact(level1Cell) !== '') {
      level1Label = level1Cell;
      level2Label = '';
    }
    if (compact(level2Cell) !== '') level2Label = level2Cell;
    const level2 = level2Of(compact(level2Label));
    const level1: Level1 | null = level1Of(compact(level1Label)) ?? (level2 ? LEVEL1_OF_LEVEL2[level2] : null);
    const declared = declaredWeightOf(compact(level1Label));
    if (level1 && declared && table.declaredLevel1Weights[level1] === '')
      table.declaredLevel1Weights[level1] = declared;
    const values = (['name', 'target', 'actual', 'weight', 'statedScore', 'deviationNote'] as const).map(read);
    const levels = {
      level1,
      level1Label: compact(level1Label).replace(/[(（]\d+(\.\d+)?分[)）]/u, ''),
      level2,
      level2Label: compact(level2Label),
    };
    // A row of level labels only is the label of the rows under it, or — when none follow before the next
    // label or the 总分 row — an indicator row the unit left empty.
    if (
      pendingEmpty &&
      (compact(level1Cell) !== '' ||
        compact(level2Cell) !== '' ||
        values.every((v) => compact(v) === '') ||
        TEMPLATE_ROW_NAME.test(compact(read('name'))))
    ) {
      table.indicators.push(pendingEmpty);
    }
    pendingEmpty = null;
    if (values.every((value) => compact(value) === '')) {
      pendingEmpty = emptyIndicator(levels);
      level1Opened = compact(level1Cell) !== '';
      continue;
    }
    if (byContent && compact(read('name')) !== '') aligned++;
    table.indicators.push(
      emptyIndicator({
        ...levels,
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
    table.end = last + 1;
  }
  // A table that ran to the end of the rows ends there, label rows after its last indicator included.
  if (!table.totalRowFound && !table.closedByOtherContent) table.end = grid.length;
  // A table cut right after a new level-1 label: the label shows the block before it ended, so it stays as the
  // (empty) row it is, for the checks that ask whether a block was seen in full.
  if (!table.totalRowFound && !table.closedByOtherContent && pendingEmpty && level1Opened) {
    table.indicators.push(pendingEmpty);
  }
  if (aligned > 0) {
    table.warnings.push({
      code: 'CELLS_PLACED_BY_CONTENT',
      message: `绩效指标表有 ${aligned} 行的单元格数与表头不一致（空单元格被省略），已按内容判断各单元格所属的列，请核对`,
      where: `${where}：绩效指标表`,
    });
  }
  return table;
};
