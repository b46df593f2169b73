import {
  checkPointsCell,
  describeParsedValue,
  type EvaluationForm,
  emptyIndicator,
  type IndicatorRow,
  LEVEL1_LABELS,
  type Level1,
  type Level2,
  type ParseOptions,
  parseValue,
  unitFromName,
} from '@jixiao/core';
import { type RemovedRow, removeRow, restoreRow } from '../components/removed-row.ts';

/** Level-2 choices under each level-1 group (财预〔2020〕10号 framework). */
export const LEVEL2_BY_LEVEL1: Record<Level1, readonly Level2[]> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  outcome: ['economic', 'social', 'ecological', 'sustainability'],
  satisfaction: ['serviceSatisfaction'],
};

export type GroupKey = Level1 | 'unclassified';

export const GROUP_KEYS: readonly GroupKey[] = ['output', 'outcome', 'satisfaction', 'unclassified'];

export const groupOf = (row: IndicatorRow): GroupKey => row.level1 ?? 'unclassified';

/** Indices of the rows in one group, in form order. */
export const rowsInGroup = (form: EvaluationForm, group: GroupKey): number[] =>
  form.indicators.flatMap((row, index) => (groupOf(row) === group ? [index] : []));

/** A new empty row at the end of its group (or after the last row of the groups before it). */
export const addIndicator = (form: EvaluationForm, level1: Level1, level2: Level2 | null = null): EvaluationForm => {
  const order = GROUP_KEYS.indexOf(level1);
  let insertAt = 0;
  form.indicators.forEach((row, index) => {
    if (GROUP_KEYS.indexOf(groupOf(row)) <= order) insertAt = index + 1;
  });
  const row = emptyIndicator({ level1, level1Label: LEVEL1_LABELS[level1], level2 });
  return { ...form, indicators: [...form.indicators.slice(0, insertAt), row, ...form.indicators.slice(insertAt)] };
};

/** Swaps a row with its neighbour in the same group; unchanged at the group's edge. */
export const moveIndicator = (form: EvaluationForm, index: number, direction: -1 | 1): EvaluationForm => {
  const row = form.indicators[index];
  if (!row) return form;
  const group = rowsInGroup(form, groupOf(row));
  const neighbour = group[group.indexOf(index) + direction];
  if (neighbour === undefined) return form;
  const indicators = [...form.indicators];
  indicators[index] = indicators[neighbour] as IndicatorRow;
  indicators[neighbour] = row;
  return { ...form, indicators };
};

/** Removes a row and keeps what 撤销 needs; the form unchanged (and nothing to undo) when there is no such row. */
export const removeIndicator = (
  form: EvaluationForm,
  index: number,
): { form: EvaluationForm; removed: RemovedRow<IndicatorRow> | null } => {
  const removal = removeRow(form.indicators, index);
  return removal ? { form: { ...form, indicators: removal.rows }, removed: removal.removed } : { form, removed: null };
};

/** 撤销 of a removal: the row back at its place, whatever was edited in the other rows since. */
export const restoreIndicator = (form: EvaluationForm, removed: RemovedRow<IndicatorRow>): EvaluationForm => ({
  ...form,
  indicators: restoreRow(form.indicators, removed),
});

export const updateIndicator = (form: EvaluationForm, index: number, patch: Partial<IndicatorRow>): EvaluationForm => ({
  ...form,
  indicators: form.indicators.map((row, position) => (position === index ? { ...row, ...patch } : row)),
});

/** A weight cell in ten-thousandths of a point as the engine reads it, or null when it is not a weight. */
export const weightUnits = (cell: string): number | null => {
  const check = checkPointsCell(cell, 'weight');
  if (check.state === 'blank') return 0;
  return check.state === 'value' ? Number(check.value.times(10_000).round(0).toFixed(0)) : null;
};

export type GroupSum = { weight: number; unreadable: number; rows: number };

/** Σ of the written weights per group, in points (summed exactly in ten-thousandths), and how many could not be read. */
export const groupSums = (form: EvaluationForm): Record<GroupKey, GroupSum> => {
  const sums: Record<GroupKey, { units: number; unreadable: number; rows: number }> = {
    output: { units: 0, unreadable: 0, rows: 0 },
    outcome: { units: 0, unreadable: 0, rows: 0 },
    satisfaction: { units: 0, unreadable: 0, rows: 0 },
    unclassified: { units: 0, unreadable: 0, rows: 0 },
  };
  for (const row of form.indicators) {
    const sum = sums[groupOf(row)];
    sum.rows += 1;
    const value = weightUnits(row.weight);
    if (value === null) sum.unreadable += 1;
    else sum.units += value;
  }
  const result = {} as Record<GroupKey, GroupSum>;
  for (const key of GROUP_KEYS) {
    const sum = sums[key];
    result[key] = { weight: sum.units / 10_000, unreadable: sum.unreadable, rows: sum.rows };
  }
  return result;
};

/** The options the engine reads a row's cells with: its 指标性质 column and its unit (column or name bracket). */
export const parseOptionsFor = (row: IndicatorRow): ParseOptions => {
  const options: ParseOptions = {};
  if (row.comparator.trim()) options.comparatorColumn = row.comparator;
  const unitHint = row.measureUnit.trim() || unitFromName(row.name) || '';
  if (unitHint) options.unitHint = unitHint;
  return options;
};

export type CellReading = { ok: boolean; text: string };

/** What the parser understood from a target or actual cell, as a short Chinese phrase, or its error. */
export const readCell = (row: IndicatorRow, cell: 'target' | 'actual'): CellReading | null => {
  if (row[cell].trim() === '') return null;
  const result = parseValue(row[cell], parseOptionsFor(row));
  return { ok: result.ok, text: describeParsedValue(result) };
};

/** "indicators[3].target" → 3; null for paths elsewhere in the form. */
export const indicatorIndexOf = (where: string): number | null => {
  const match = where.match(/^indicators\[(\d+)\]/u);
  return match ? Number(match[1]) : null;
};
