import type { EvaluationForm } from '@jixiao/core';
import { cellText, compact } from './chinese.ts';

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

/** Labels of the form's header rows: a cell that is one of them is never another label's value. */
const FIELD_LABEL =
  /^(项目(支出)?名称|转移支付.*名称|主管部门|地方主管部门|中央主管部门|市县主管部门|自治区主管部门|主管单位|(项目)?实施单位|资金使用单位|项目单位|项目负责人|联系电话|联系人|项目编码|项目代码|项目属性|项目类别|项目类型|专项实施期|实施期|市县财政部门|填报单位|部门联系人)/u;

/**
 * The first written cell after a label in its row (the label's value in a two-column layout); blank when the
 * next written cell is another label (a flattened row that dropped the blank value: "主管部门 | 实施单位 | X").
 * A label naming two fields ("项目实施单位/项目负责人") gives the first part of its value.
 */
export const valueAfter = (grid: Grid, pattern: RegExp): string | null => {
  const hit = findLabel(grid, pattern);
  if (!hit) return null;
  const cells = grid[hit.row] ?? [];
  const label = compact(cells[hit.column] ?? '');
  for (let column = hit.column + 1; column < cells.length; column++) {
    const value = cellText(cells[column] ?? '');
    const text = compact(value);
    if (text === label || text === '') continue; // a merged label repeated by the reader, or an empty cell
    if (FIELD_LABEL.test(text)) return '';
    return label.includes('/') && value.includes('/') ? cellText(value.split('/')[0] ?? '') : value;
  }
  return '';
};

export type ProjectFields = Pick<EvaluationForm, 'projectName' | 'projectCode' | 'department' | 'implementingUnit'>;

export const projectFieldsFrom = (grid: Grid): ProjectFields => ({
  projectName: valueAfter(grid, /^(项目(支出)?名称|转移支付\(项目\)名称|专项名称|项目\(专项\)名称)$/u) ?? '',
  projectCode: valueAfter(grid, /^项目编码$|^项目代码$/u) ?? '',
  department: valueAfter(grid, /^(主管部门|地方主管部门|市县主管部门|主管单位|预算部门)(\(单位\))?$/u) ?? '',
  implementingUnit:
    valueAfter(
      grid,
      /^(实施单位|项目实施单位|资金使用单位|项目单位|预算单位名称|单位名称)(\(盖章\)|\/项目负责人)?$/u,
    ) ?? '',
});

/** 年度总体目标: the row after the 预期目标 / 实际完成情况 header holds the two texts. */
export const annualGoalFrom = (grid: Grid): EvaluationForm['annualGoal'] => {
  const header = findLabel(grid, /^(预期目标|年初设定目标|年初绩效目标|年初目标|全年绩效目标|项目年度目标)$/u);
  if (!header) {
    const inline = valueAfter(grid, /^(年度总体目标|年度绩效目标|总体目标|年度目标)(完成情况)?$/u);
    return { expected: inline ?? '', actual: '' };
  }
  const headerCells = grid[header.row] ?? [];
  const actualColumn = headerCells.findIndex((cell) => /实际完成|完成情况/u.test(compact(cell)));
  const next = grid[header.row + 1] ?? [];
  if (next.length === headerCells.length && actualColumn >= 0) {
    return { expected: cellText(next[header.column] ?? ''), actual: cellText(next[actualColumn] ?? '') };
  }
  const texts = next.map(cellText).filter((cell) => cell !== '' && !/总体目标/u.test(compact(cell)));
  return { expected: texts[0] ?? '', actual: texts[1] ?? '' };
};
