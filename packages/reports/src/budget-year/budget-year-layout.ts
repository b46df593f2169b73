/**
 * The 绩效目标申报表 and the 执行监控表 as grids with merges, shared by the Excel and the HTML renderers so both
 * documents lay a form out the same way (and the import reads the Excel one back).
 */
export type BudgetCellRole = 'label' | 'header' | 'text' | 'amount' | 'tick';

export type BudgetCell = {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  role: BudgetCellRole;
};

export type BudgetLayout = {
  /** "2025年度项目支出绩效目标申报表" */
  title: string;
  /** The line under the title: the year, or who filled it in. */
  subtitle: string;
  /** A line above the table naming the unit and the document's state. */
  note: string;
  /** Column widths in Excel units (a CJK character is 2). */
  widths: number[];
  cells: BudgetCell[];
  rows: number;
};

/** Collects cells row by row; `span` merges to the right and down. */
export class GridBuilder {
  readonly cells: BudgetCell[] = [];
  row = 0;

  put(col: number, text: string, role: BudgetCellRole, colSpan = 1, rowSpan = 1): this {
    this.cells.push({ row: this.row, col, rowSpan, colSpan, text, role });
    return this;
  }

  next(): this {
    this.row += 1;
    return this;
  }
}

/**
 * Runs of equal labels in a column (一级指标 over its rows, 二级指标 within it): each run is one merged cell, as
 * the official forms print them. A change in `outer` always ends a run.
 */
export const runsOf = (
  labels: readonly string[],
  outer: readonly string[] = [],
): { start: number; length: number }[] => {
  const runs: { start: number; length: number }[] = [];
  labels.forEach((label, index) => {
    const last = runs.at(-1);
    const same = last && labels[index - 1] === label && outer[index - 1] === outer[index] && label !== '';
    if (same) last.length += 1;
    else runs.push({ start: index, length: 1 });
  });
  return runs;
};
