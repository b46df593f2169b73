import { emptyForm, type FundCells, type Funds } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';
import { placeRow } from './align.ts';
import { cellText, compact } from './chinese.ts';
import { fitFund } from './fit.ts';
import { findHeaderRow, readHeader } from './header.ts';
import { FUND_ROW_LABELS, FUND_SYNONYMS, type FundColumn, type FundRowKey } from './synonyms.ts';

type Grid = readonly (readonly string[])[];

export type FundsRead = { funds: Funds; found: boolean; warnings: ImportWarning[] };

/** Rows after the fund header that belong to another part of the form. */
const END_OF_FUNDS =
  /^(年度总体目标|总体目标|年度目标|绩效指标|一级指标|预期目标|年初设定目标|年度绩效|项目概况|绩效目标)/u;
const ROW_ORDER: readonly FundRowKey[] = ['total', 'priorYearCarryover', 'other', 'currentAppropriation'];
const MONEY_COLUMNS = ['initialBudget', 'adjustedBudget', 'executed'] as const;

const rowKeyOf = (label: string): FundRowKey | null =>
  ROW_ORDER.find((key) => FUND_ROW_LABELS[key].test(label.replace(/^其中[:：]?/u, ''))) ?? null;

/** Exact sum of two amounts as written ("300", "1,234.5", "12万元"); null when either is not a plain amount. */
const addAmounts = (a: string, b: string): string | null => {
  const scale = 6;
  const toUnits = (text: string): bigint | null => {
    const plain = compact(text)
      .replace(/[,，]/gu, '')
      .replace(/万?元$/u, '');
    const match = plain.match(/^(-?)(\d+)(?:\.(\d{1,6}))?$/u);
    if (!match) return null;
    const units = BigInt(match[2] ?? '0') * 10n ** BigInt(scale) + BigInt((match[3] ?? '').padEnd(scale, '0'));
    return match[1] === '-' ? -units : units;
  };
  const x = toUnits(a);
  const y = toUnits(b);
  if (x === null || y === null) return null;
  const sum = x + y;
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/u, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
};

const isBlankAmount = (text: string): boolean => /^(|-|—|－|\/|0|0\.0+)$/u.test(compact(text));

/** Several 其中 rows of one kind (中央补助, 自治区补助, 市县资金 are all 财政拨款): their amounts add up. */
const mergeInto = (target: FundCells, cells: FundCells): boolean => {
  let exact = true;
  for (const column of MONEY_COLUMNS) {
    if (isBlankAmount(cells[column])) continue;
    if (isBlankAmount(target[column])) {
      target[column] = cells[column];
      continue;
    }
    const sum = addAmounts(target[column], cells[column]);
    if (sum === null) exact = false;
    else target[column] = sum;
  }
  return exact;
};

/** "(20分)" in the fund block's label or "得分(20分*执行率)": the execution weight when there is no 分值 column. */
const weightInLabels = (cells: readonly string[]): string => {
  for (const cell of cells) {
    const match = compact(cell).match(/[(（](\d+(?:\.\d+)?)分[)）*×x]/u);
    if (match?.[1]) return match[1];
  }
  return '';
};

/**
 * The fund block through its header's column map: 年初预算数 / 全年预算数 (调整后预算数, 预算数 …) / 全年执行数,
 * 分值, 执行率, 得分 wherever the template puts them, the 年度资金总额 row and its 其中 rows by their labels.
 * A header row that also carries the total's figures (a garbled paste: "年度资金总额 | 全年预算数 | 300") is read too.
 */
export const fundsFrom = (grid: Grid, where: string): FundsRead => {
  const funds: Funds = emptyForm().funds;
  const warnings: ImportWarning[] = [];
  const headerRow = findHeaderRow(
    grid,
    FUND_SYNONYMS,
    ['initialBudget', 'adjustedBudget', 'executed', 'statedExecutionRate'],
    2,
  );
  if (headerRow < 0) {
    warnings.push({
      code: 'FUND_BLOCK_NOT_FOUND',
      message: '未找到资金情况表（预算数 / 执行数），无法计算预算执行率',
      where: `${where}：资金情况`,
    });
    return { funds, found: false, warnings };
  }
  const header = readHeader(grid, headerRow, FUND_SYNONYMS, ['ignored', 'label'], 'ignored');
  const columns: (FundColumn | null)[] = [...header.columns];
  // The row labels sit left of the first money column, often under a label merged over two cells
  // ("项目资金（万元）" above both "年度资金总额" and its blank neighbour).
  const firstMoney = columns.findIndex((column) => column !== null && column !== 'label' && column !== 'ignored');
  for (let index = 0; index < firstMoney; index++) if (columns[index] === null) columns[index] = 'label';
  const headerCells = (grid[header.row] ?? []).map(compact);
  const where2 = `${where}：资金情况表`;
  for (const cell of header.unknown) {
    if (rowKeyOf(cell.text) || /^[\d.,]+$/u.test(cell.text)) continue;
    warnings.push({
      code: 'COLUMN_NOT_UNDERSTOOD',
      message: `资金情况表的“${cell.text}”列未能识别，其内容未读入`,
      where: `${where2}第 ${cell.index + 1} 列`,
    });
  }
  if (!columns.includes('initialBudget') && !columns.includes('adjustedBudget')) {
    warnings.push({ code: 'FUND_COLUMN_MISSING', message: '资金情况表没有预算数列，无法计算执行率', where: where2 });
  }
  if (!columns.includes('executed')) {
    warnings.push({ code: 'FUND_COLUMN_MISSING', message: '资金情况表没有执行数列，无法计算执行率', where: where2 });
  }
  const unitText = headerCells.join('');
  funds.unit = /\(元\)|（元）|单位[:：]?元(?!万)/u.test(unitText) && !unitText.includes('万元') ? '元' : '万元';

  const read = new Map<FundRowKey, Map<FundColumn, string>>();
  const merged: string[] = [];
  const take = (key: FundRowKey, values: Map<FundColumn, string>, label: string): void => {
    const existing = read.get(key);
    if (!existing) {
      read.set(key, values);
      return;
    }
    const cells = (map: Map<FundColumn, string>): FundCells => ({
      initialBudget: map.get('initialBudget') ?? '',
      adjustedBudget: map.get('adjustedBudget') ?? '',
      executed: map.get('executed') ?? '',
    });
    const target = cells(existing);
    if (!mergeInto(target, cells(values))) {
      warnings.push({
        code: 'FUND_ROWS_NOT_ADDED',
        message: `“${label}”的金额无法与同类行相加，已忽略`,
        where: where2,
      });
    } else merged.push(label);
    for (const column of MONEY_COLUMNS) existing.set(column, target[column]);
  };

  // The header row itself may hold the total's label and figures (each figure right after its column's label).
  const totalInHeader = headerCells.findIndex((cell) => FUND_ROW_LABELS.total.test(cell));
  if (totalInHeader >= 0) {
    const values = new Map<FundColumn, string>();
    headerCells.forEach((cell, index) => {
      const column = columns[index - 1];
      if (index > 0 && column && /^[\d,.]+(万元|元)?$/u.test(cell))
        values.set(column, cellText(grid[header.row]?.[index] ?? ''));
    });
    take('total', values, headerCells[totalInHeader] ?? '');
  }

  let lastKey: FundRowKey | null = null;
  for (let row = header.row + 1; row < Math.min(grid.length, header.row + 12); row++) {
    const cells = grid[row] ?? [];
    const written = cells.map(compact).filter((cell) => cell !== '');
    if (written.length === 0) continue;
    if (END_OF_FUNDS.test(written[0] ?? '')) break;
    const { placed } = placeRow(cells, columns, fitFund);
    const labelText = compact(
      placed.get(columns.indexOf('label')) ?? written.find((cell) => !/^[\d,.%-]+/u.test(cell)) ?? '',
    );
    const key: FundRowKey | null = rowKeyOf(labelText) ?? (lastKey === null ? null : 'currentAppropriation');
    if (!key) continue;
    const values = new Map<FundColumn, string>();
    placed.forEach((cell, index) => {
      const column = columns[index];
      if (column && column !== 'label' && column !== 'ignored') values.set(column, cellText(cell));
    });
    if (compact(labelText) === '其中' && values.size === 0) continue;
    take(key, values, labelText);
    lastKey = key;
  }

  const cellsOf = (key: FundRowKey): FundCells => ({
    initialBudget: read.get(key)?.get('initialBudget') ?? '',
    adjustedBudget: read.get(key)?.get('adjustedBudget') ?? '',
    executed: read.get(key)?.get('executed') ?? '',
  });
  funds.total = cellsOf('total');
  funds.currentAppropriation = cellsOf('currentAppropriation');
  funds.priorYearCarryover = cellsOf('priorYearCarryover');
  funds.other = cellsOf('other');
  const total = read.get('total');
  funds.statedExecutionRate = total?.get('statedExecutionRate') ?? '';
  funds.statedExecutionScore = total?.get('statedExecutionScore') ?? '';
  funds.executionWeight = total?.get('executionWeight') ?? '';
  if (!columns.includes('executionWeight')) {
    const declared = weightInLabels(grid[header.row] ?? []);
    funds.executionWeight = declared || '0';
    if (!declared) {
      warnings.push({
        code: 'EXECUTION_UNWEIGHTED',
        message: '资金情况表没有分值列，预算执行率不计分（按0分计）',
        where: where2,
      });
    }
  }
  if (!total) {
    warnings.push({
      code: 'FUND_TOTAL_ROW_MISSING',
      message: read.size > 0 ? '资金情况表没有“年度资金总额”行，按其中各行计算' : '资金情况表中没有读到任何金额行',
      where: where2,
    });
  }
  if (merged.length > 0) {
    warnings.push({
      code: 'FUND_ROWS_ADDED',
      message: `资金情况表中“${merged.join('、')}”与同类资金行合并相加`,
      where: where2,
    });
  }
  return { funds, found: true, warnings };
};
