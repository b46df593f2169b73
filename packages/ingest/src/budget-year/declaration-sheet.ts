import { type DeclarationForm, type DeclaredIndicator, emptyDeclaration, emptyDeclaredIndicator } from '@jixiao/core';
import { cellText } from '../form/chinese.ts';
import { FUND_ROW_LABELS, type FundRowKey, level1Of, level2Of } from '../form/synonyms.ts';
import type { ImportWarning } from '../types.ts';
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
  valueRightOf,
  withoutCode,
  yearOf,
} from './grid.ts';
import { DECLARATION_COLUMNS, FIELD_LABELS } from './vocabulary.ts';

type Read<T> = { value: T; warnings: ImportWarning[] };

/** The key of a fund row by its label, total first ("其中：财政拨款" is a 财政拨款 row, not a total). */
export const fundRowKey = (text: string): FundRowKey | null => {
  const compacted = label(text).replace(/^其中[:：]?/u, '');
  if (compacted === '') return null;
  return (Object.keys(FUND_ROW_LABELS) as FundRowKey[]).find((key) => FUND_ROW_LABELS[key].test(compacted)) ?? null;
};

/**
 * 项目资金: the 年度资金总额 row and the three below it. Where 中期 and 年度 stand side by side the 年度 half is
 * read: labels from the 年度资金总额 cell's column on, each value being the first cell after its label.
 */
const fundsOf = (sheet: BudgetSheet): Read<DeclarationForm['funds']> => {
  const funds = { ...emptyDeclaration().funds, unit: moneyUnitOf(sheet.rows) };
  const warnings: ImportWarning[] = [];
  const total = findCell(sheet.rows, /^年度(财政)?资金总额/u) ?? findCell(sheet.rows, /^(财政)?资金总额|^资金合计/u);
  if (!total) {
    warnings.push(sheetWarning('FUND_BLOCK_NOT_FOUND', sheet, `中没有找到“年度资金总额”行，项目资金未读取`));
    return { value: funds, warnings };
  }
  for (let row = total.row; row < Math.min(total.row + 5, sheet.rows.length); row++) {
    const cells = sheet.rows[row] ?? [];
    const at = cells.findIndex((cell, column) => column >= total.column && label(cell) !== '');
    const key = at >= 0 ? fundRowKey(cells[at] ?? '') : null;
    if (!key || (row > total.row && key === 'total')) continue;
    const value = valueRightOf(sheet.rows, { row, column: at });
    if (value === '') {
      warnings.push(rowWarning('FUND_CELL_EMPTY', sheet, row, `“${label(cells[at] ?? '')}”没有填写金额`));
    }
    funds[key] = value;
  }
  return { value: funds, warnings };
};

/** The 年度目标 label; the frame's 总体目标 (left of 中期 / 年度) only when there is no 年度 one. */
const annualGoalCell = (grid: Grid, to: number) =>
  findCell(grid, /^年度(总体|绩效)?目标$/u, 0, to) ?? findCell(grid, FIELD_LABELS.annualGoal, 0, to);

/** 中期目标 / 年度目标: side by side over one row of text, or each a label with its text beside it. */
const goalsOf = (grid: Grid): { midTermGoal: string; annualGoal: string } => {
  const annual = annualGoalCell(grid, grid.length);
  const midTerm = findCell(grid, FIELD_LABELS.midTermGoal);
  const below = (hit: { row: number; column: number } | null): string | null => {
    if (!hit) return null;
    const beside = valueRightOf(grid, hit);
    // In the side-by-side layout the label row holds only the two labels; the texts are in the row below.
    const sideBySide = annual && midTerm && annual.row === midTerm.row;
    return sideBySide ? cellText(grid[hit.row + 1]?.[hit.column] ?? '') : beside;
  };
  return { midTermGoal: below(midTerm) ?? '', annualGoal: below(annual) ?? '' };
};

type Columns = Partial<Record<keyof typeof DECLARATION_COLUMNS, number>>;

/**
 * The indicator header's columns. With 中期 and 年度 side by side (each with its 二级 / 三级指标 / 指标值), the
 * annual half's columns are taken: those from the column where 年度目标 starts, or else the last of each.
 */
const columnsOf = (cells: readonly string[], annualFrom: number | null): Columns => {
  const columns: Columns = {};
  for (const [role, patterns] of Object.entries(DECLARATION_COLUMNS) as [keyof Columns, RegExp[]][]) {
    const found = columnsMatching(cells, patterns).filter((column) => {
      // 指标值 also matches the weak 目标 wording of level1 etc.: a column is claimed by the first role only.
      return !Object.entries(columns).some(([other, taken]) => other !== role && taken === column);
    });
    if (found.length === 0) continue;
    const annual = annualFrom === null ? [] : found.filter((column) => column >= annualFrom);
    const chosen = annual[0] ?? (annualFrom === null ? found.at(-1) : found[0]);
    if (chosen !== undefined) columns[role] = chosen;
  }
  return columns;
};

const indicatorsOf = (sheet: BudgetSheet): Read<DeclaredIndicator[]> => {
  const warnings: ImportWarning[] = [];
  const grid = sheet.rows;
  const headerRow = grid.findIndex(
    (cells) =>
      columnsMatching(cells, DECLARATION_COLUMNS.name).length > 0 &&
      columnsMatching(cells, DECLARATION_COLUMNS.target).length > 0,
  );
  if (headerRow < 0) {
    warnings.push(
      sheetWarning('INDICATOR_TABLE_NOT_FOUND', sheet, `中没有找到绩效指标表头（三级指标 / 指标值），未读取任何指标`),
    );
    return { value: [], warnings };
  }
  const annualHit = annualGoalCell(grid, headerRow);
  const midTermHit = findCell(grid, FIELD_LABELS.midTermGoal, 0, headerRow);
  const annualFrom = annualHit && midTermHit && annualHit.column > midTermHit.column ? annualHit.column : null;
  const columns = columnsOf(grid[headerRow] ?? [], annualFrom);
  const at = (cells: readonly string[], column: number | undefined) =>
    column === undefined ? '' : cellText(cells[column] ?? '');
  const indicators: DeclaredIndicator[] = [];
  let level1Label = '';
  let level2Label = '';
  for (let row = headerRow + 1; row < grid.length; row++) {
    const cells = grid[row] ?? [];
    if (isEmptyRow(cells) || leadsWithFieldLabel(cells, columns.name)) continue;
    // Merged 一级 / 二级 cells are written once, on their first row: the rows below inherit them.
    level1Label = at(cells, columns.level1) || level1Label;
    level2Label = at(cells, columns.level2) || level2Label;
    const name = at(cells, columns.name);
    const target = at(cells, columns.target);
    if (name === '' && target === '') {
      continue;
    }
    if (name === '') {
      warnings.push(
        rowWarning('INDICATOR_NAME_MISSING', sheet, row, `有指标值“${target}”但没有三级指标名称，该行未读取`),
      );
      continue;
    }
    if (target === '') {
      warnings.push(rowWarning('TARGET_MISSING', sheet, row, `指标“${name}”没有填写指标值`));
    }
    const level1 = level1Of(label(level1Label));
    const level2 = level2Of(label(level2Label));
    if (level1 === null) {
      warnings.push(rowWarning('LEVEL_NOT_UNDERSTOOD', sheet, row, `指标“${name}”的一级指标“${level1Label}”无法识别`));
    }
    indicators.push(
      emptyDeclaredIndicator({
        level1,
        level1Label,
        level2,
        level2Label,
        name,
        target,
        comparator: at(cells, columns.comparator),
        measureUnit: at(cells, columns.measureUnit),
        weight: at(cells, columns.weight),
      }),
    );
  }
  if (indicators.length === 0) {
    warnings.push(
      rowWarning('NO_INDICATOR_ROWS', sheet, headerRow, '绩效指标表头以下没有填写任何指标行，申报表的指标为空，请补充'),
    );
  }
  return { value: indicators, warnings };
};

/** A declaration sheet (or Word table) read into the form, with what could not be read. */
export const declarationFromSheet = (sheet: BudgetSheet): Read<DeclarationForm> => {
  const grid = sheet.rows;
  const funds = fundsOf(sheet);
  const indicators = indicatorsOf(sheet);
  const warnings = [...funds.warnings, ...indicators.warnings];
  const field = (key: keyof typeof FIELD_LABELS, required: boolean): string => {
    const value = valueOfField(grid, FIELD_LABELS[key]);
    if (required && !value) {
      warnings.push(
        sheetWarning(
          'FIELD_MISSING',
          sheet,
          `中${value === null ? '没有找到' : '没有填写'}“${FIELD_LABEL_NAMES[key]}”`,
        ),
      );
    }
    return value ?? '';
  };
  const fiscalYear = yearOf(grid, 6);
  if (fiscalYear === null) {
    warnings.push(sheetWarning('YEAR_MISSING', sheet, `中没有找到年度（如“(2020年度)”）`));
  }
  const form: DeclarationForm = {
    ...emptyDeclaration(),
    fiscalYear,
    projectName: field('projectName', true),
    projectCode: field('projectCode', false),
    department: withoutCode(field('department', true)),
    implementingUnit: field('implementingUnit', true),
    projectCategory: field('projectCategory', true),
    projectPeriod: field('projectPeriod', false),
    funds: funds.value,
    ...goalsOf(grid),
    indicators: indicators.value,
  };
  if (form.annualGoal === '') {
    warnings.push(sheetWarning('ANNUAL_GOAL_MISSING', sheet, `中年度目标为空`));
  }
  return { value: form, warnings };
};

export const FIELD_LABEL_NAMES: Record<keyof typeof FIELD_LABELS, string> = {
  projectName: '项目名称',
  projectCode: '项目代码',
  department: '主管部门',
  implementingUnit: '实施单位',
  projectCategory: '项目属性',
  projectPeriod: '项目周期',
  annualGoal: '年度目标',
  midTermGoal: '中期目标',
  goalProgress: '总体目标完成情况',
  projectMeasures: '纠偏措施',
};
