import { cellText, compact } from '../form/chinese.ts';
import type { ImportWarning } from '../types.ts';
import type { Sheet } from '../xlsx/workbook.ts';
import { ANY_FIELD_LABEL, FUND_BLOCK_LABEL, YEAR_LINE } from './vocabulary.ts';

export type Grid = readonly (readonly string[])[];
export type Hit = { row: number; column: number };

/** The first cell matching `pattern` (compared compacted, trailing colon dropped), from row `from` on. */
export const findCell = (grid: Grid, pattern: RegExp, from = 0, to = grid.length): Hit | null => {
  for (let row = from; row < Math.min(to, grid.length); row++) {
    const cells = grid[row] ?? [];
    for (let column = 0; column < cells.length; column++) {
      if (pattern.test(label(cells[column] ?? ''))) return { row, column };
    }
  }
  return null;
};

/** A cell as a label: compacted, without the colon some templates end their labels with. */
export const label = (text: string): string => compact(text).replace(/[:：]+$/u, '');

/**
 * The value written after a label in its row: the first non-empty cell that is not the label repeated by a
 * merge; blank when the next written cell is another field's label (the value was left empty).
 */
export const valueRightOf = (grid: Grid, hit: Hit): string => {
  const cells = grid[hit.row] ?? [];
  const own = label(cells[hit.column] ?? '');
  for (let column = hit.column + 1; column < cells.length; column++) {
    const text = label(cells[column] ?? '');
    if (text === '' || text === own) continue;
    return ANY_FIELD_LABEL.test(text) ? '' : cellText(cells[column] ?? '');
  }
  return '';
};

export const valueOfField = (grid: Grid, pattern: RegExp, to = grid.length): string | null => {
  const hit = findCell(grid, pattern, 0, to);
  return hit ? valueRightOf(grid, hit) : null;
};

/** "[105]教育部" → "教育部": the budget system prints the code before the name; the name is what people read. */
export const withoutCode = (text: string): string =>
  cellText(text.replace(/^[[【(（]\s*[\dA-Za-z]+\s*[\]】)）]\s*/u, ''));

/** The form's year, from its "( 2019年度)" line or its title ("2019年度项目支出绩效目标申报表"). */
export const yearOf = (grid: Grid, to: number): number | null => {
  for (let row = 0; row < Math.min(to, grid.length); row++) {
    for (const cell of grid[row] ?? []) {
      const text = compact(cell);
      const year = text.match(YEAR_LINE)?.[1] ?? text.match(/^(20\d{2})年度.*表$/u)?.[1];
      if (year) return Number(year);
    }
  }
  return null;
};

/** The money unit the fund block is written in (万元 unless its label says 元). */
export const moneyUnitOf = (grid: Grid): '万元' | '元' => {
  const hit = findCell(grid, FUND_BLOCK_LABEL);
  const unit = hit ? label(grid[hit.row]?.[hit.column] ?? '').match(FUND_BLOCK_LABEL)?.[3] : undefined;
  return unit === '元' ? '元' : '万元';
};

export const isEmptyRow = (cells: readonly string[] | undefined): boolean =>
  (cells ?? []).every((cell) => compact(cell) === '');

/**
 * A sheet of a workbook, or a Word table led by the lines printed above it (`titleRows` of them: a table's row
 * numbers in warnings count the table's own rows). `label` names it in messages.
 */
export type BudgetSheet = Sheet & { titleRows: number; label: string };

export const sheetOfWorkbook = (sheet: Sheet): BudgetSheet => ({
  ...sheet,
  titleRows: 0,
  label: `工作表“${sheet.name}”`,
});

/** A warning about one row, in the words a clerk reads: the sheet (or table) and the row number as printed. */
export const rowWarning = (code: string, sheet: BudgetSheet, row: number, message: string): ImportWarning => {
  const number = row + 1 - sheet.titleRows;
  return { code, message: `${sheet.label}第${number}行：${message}`, where: `${sheet.name}!R${number}` };
};

/** A warning about a sheet (or table) as a whole. */
export const sheetWarning = (code: string, sheet: BudgetSheet, message: string): ImportWarning => ({
  code,
  message: `${sheet.label}${message}`,
  where: sheet.name,
});

/** The columns whose header cell matches one of `patterns`, left to right, merged copies counted once. */
export const columnsMatching = (cells: readonly string[], patterns: readonly RegExp[]): number[] =>
  cells.flatMap((cell, column) => {
    const text = label(cell);
    if (text === '' || !patterns.some((pattern) => pattern.test(text))) return [];
    return column > 0 && label(cells[column - 1] ?? '') === text ? [] : [column];
  });

/** A row after the indicator table that is a field of its own (纠偏措施 …), not an indicator: its label leads it. */
export const leadsWithFieldLabel = (cells: readonly string[], nameColumn: number | undefined): boolean => {
  const lead = cells.slice(0, nameColumn ?? cells.length).find((cell) => label(cell) !== '');
  return lead !== undefined && ANY_FIELD_LABEL.test(label(lead));
};
