import { AppError, type EvaluationForm, emptyForm, type FormKind } from '@jixiao/core';
import type { Block } from '../document.ts';
import type { ImportWarning } from '../types.ts';
import { compact } from './chinese.ts';
import { fundsFrom } from './funds.ts';
import { findIndicatorHeader, type IndicatorTable, indicatorTableFrom } from './indicators.ts';
import { fiscalYearFrom, narrativeFromBlocks } from './narrative.ts';
import { annualGoalFrom, projectFieldsFrom, valueAfter } from './project.ts';
import { KIND_TITLES, STATED_TOTAL_LABEL } from './synonyms.ts';

/** One form read from a document, with what the reader noticed on the way. */
export type ReadForm = { form: EvaluationForm; warnings: ImportWarning[] };

/** Every table row of the document in order, and the paragraphs with the row they stand before. */
type Stream = { grid: string[][]; paragraphs: { before: number; text: string }[] };

const streamOf = (blocks: readonly Block[]): Stream => {
  const grid: string[][] = [];
  const paragraphs: Stream['paragraphs'] = [];
  for (const block of blocks) {
    if (block.kind === 'table') grid.push(...block.rows.map((row) => [...row]));
    else paragraphs.push({ before: grid.length, text: block.text });
  }
  return { grid, paragraphs };
};

/** Where a new form begins: its title, its 项目名称 row or its fund block. */
const OPENER_ROW = /^(项目(支出)?名称|转移支付.*名称|项目资金|资金情况|预算执行情况)/u;
const NAME_ROW = /^(项目(支出)?名称|转移支付.*名称|专项名称)$/u;

const FORM_TITLE = /自评表|目标表|评价表|申报表|监控表/u;

/** The first title, 项目名称 row or fund block of a form between two rows. */
const openerBetween = (stream: Stream, from: number, to: number): number => {
  const title = stream.paragraphs.find(
    (paragraph) => paragraph.before >= from && paragraph.before <= to && FORM_TITLE.test(compact(paragraph.text)),
  );
  for (let row = from; row < to; row++) {
    const first = compact((stream.grid[row] ?? []).find((cell) => compact(cell) !== '') ?? '');
    if (OPENER_ROW.test(first)) return Math.min(row, title?.before ?? row);
  }
  return title?.before ?? from;
};

/**
 * Where a form begins, searching back from its indicator table to the end of the one before: its 项目名称 row
 * nearest the table (the narrative before a form may hold tables of its own with a 项目名称 column), else its
 * title or fund block, else right after the previous form.
 */
const formStart = (stream: Stream, from: number, header: number): number => {
  for (let row = header - 1; row >= from; row--) {
    const first = compact((stream.grid[row] ?? []).find((cell) => compact(cell) !== '') ?? '');
    if (NAME_ROW.test(first)) return row;
  }
  return from === 0 ? 0 : openerBetween(stream, from, header);
};

/** The blocks whose rows (or, for a paragraph, the row it stands before) fall in [from, to) of the stream. */
const blocksBetween = (blocks: readonly Block[], from: number, to: number): Block[] => {
  const picked: Block[] = [];
  let row = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (row >= from && row < to) picked.push(block);
      continue;
    }
    const rows = block.rows.filter((_, index) => row + index >= from && row + index < to);
    if (rows.length > 0) picked.push({ kind: 'table', rows });
    row += block.rows.length;
  }
  return picked;
};

/** `after`: where the previous form's table ends, so the title rows just above this form's 项目名称 row are its own. */
type Range = { start: number; end: number; header: number; after: number; table: IndicatorTable | null };

/** The forms of a document: one per indicator table, each from its opener to the next form's. */
const rangesOf = (stream: Stream, source: string): Range[] => {
  const found: { header: number; table: IndicatorTable }[] = [];
  let position = 0;
  for (;;) {
    const header = findIndicatorHeader(stream.grid, position);
    if (header < 0) break;
    const table = indicatorTableFrom(stream.grid, header, source);
    found.push({ header, table });
    position = Math.max(table.end, table.header.row + 1);
  }
  if (found.length === 0) return [{ start: 0, end: stream.grid.length, header: -1, after: 0, table: null }];
  const starts = found.map((item, index) =>
    formStart(stream, index === 0 ? 0 : (found[index - 1]?.table.end ?? 0), item.header),
  );
  return found.map((item, index) => ({
    start: starts[index] ?? 0,
    end: starts[index + 1] ?? stream.grid.length,
    header: item.header,
    after: index === 0 ? 0 : (found[index - 1]?.table.end ?? 0),
    table: item.table,
  }));
};

const titlesOf = (stream: Stream, range: Range): string[] => [
  ...stream.paragraphs
    .filter((paragraph) => paragraph.before >= range.start && paragraph.before <= Math.max(range.header, range.start))
    .map((paragraph) => paragraph.text),
  // A sheet's title rows (项目支出绩效自评表, （2022年度）) sit in the grid above the 项目名称 row the form starts at.
  ...stream.grid.slice(Math.max(range.after, range.start - 3), range.start + 3).map((row) => row.join('')),
];

const kindOf = (table: IndicatorTable | null, fundsFound: boolean, titles: readonly string[]): FormKind | null => {
  const title = compact(titles.join(' '));
  if (!table) {
    if (KIND_TITLES.targetDeclaration.test(title)) return 'target-declaration';
    return fundsFound ? 'funds-only' : null;
  }
  const columns = table.header.columns;
  if (!columns.includes('actual')) return 'target-declaration';
  if (KIND_TITLES.departmentOverall.test(title)) return 'department-overall';
  const scored = table.indicators.some((row) => compact(row.weight) !== '' || compact(row.statedScore) !== '');
  if (!scored && compact(table.statedTotal.score) === '') return 'unscored';
  return 'self-evaluation';
};

const KIND_NAMES: Record<FormKind, string> = {
  'self-evaluation': '项目支出绩效自评表',
  unscored: '未评分的自评表（没有分值 / 得分）',
  'department-overall': '部门整体支出绩效自评表',
  'target-declaration': '绩效目标申报表（只有年度指标值，没有实际完成值）',
  'funds-only': '只有资金情况、没有绩效指标的表',
};

const formOf = (stream: Stream, range: Range, source: string, narrative: EvaluationForm['narrative']): ReadForm => {
  const grid = stream.grid.slice(range.start, range.end);
  const before = range.header < 0 ? grid : grid.slice(0, range.header - range.start);
  const where = source;
  const fundsRead = fundsFrom(before, where);
  const funds = fundsRead.found ? fundsRead : fundsFrom(grid, where);
  const titles = titlesOf(stream, range);
  const kind = kindOf(range.table, funds.found, titles);
  if (kind === null) {
    throw new AppError(
      'UNKNOWN_LAYOUT',
      `${source}：未找到“绩效指标”表头（一级指标/二级指标/三级指标）或资金情况表，无法识别为绩效自评表`,
    );
  }
  const table = range.table;
  const warnings: ImportWarning[] = [...funds.warnings, ...(table?.warnings ?? [])];
  const paragraphsAfter = stream.paragraphs.some(
    (paragraph) => table && paragraph.before >= table.end && paragraph.before <= range.end,
  );
  const complete = table
    ? table.totalRowFound || table.closedByOtherContent || paragraphsAfter || table.end < range.end
    : false;
  if (table && !complete) {
    warnings.push({
      code: 'TABLE_CUT_SHORT',
      message: `绩效指标表在“${table.indicators.at(-1)?.name || table.indicators.at(-1)?.level2Label || '表头'}”之后中断（未见总分行），按已读到的内容计算，未见部分不作完整性检查`,
      where: `${where}：绩效指标表末尾`,
    });
  }
  if (kind === 'target-declaration' || kind === 'funds-only') {
    warnings.push({ code: 'NOT_A_SELF_EVALUATION', message: `这是${KIND_NAMES[kind]}，不是项目支出绩效自评表`, where });
  }
  const statedTotal = table?.statedTotal ?? { weight: '', score: '' };
  const besideTable = table?.totalRowFound ? null : valueAfter(grid, STATED_TOTAL_LABEL);
  const form = emptyForm();
  return {
    form: {
      ...form,
      ...projectFieldsFrom(before),
      formKind: kind,
      complete,
      fiscalYear: fiscalYearFrom([...titles.filter((text) => /年度/u.test(text)), narrative.title]),
      funds: funds.funds,
      annualGoal: annualGoalFrom(before),
      declaredLevel1Weights: table?.declaredLevel1Weights ?? form.declaredLevel1Weights,
      indicators: table?.indicators ?? [],
      statedTotal: besideTable ? { ...statedTotal, score: besideTable.replace(/分$/u, '') } : statedTotal,
      statedGrade: table?.statedGrade ?? '',
      narrative,
      // Left null: the engine reads 编制数 / 在职人数 from the narrative itself, so edits to it stay in step.
      unitFacts: form.unitFacts,
    },
    warnings,
  };
};

/**
 * Builds the forms of a document: every 自评表 it holds (a department's disclosure prints one per project), each
 * from the rows between its opener and the next form's, read through the header's column map, with the report
 * text that stands before it. Fails with UNKNOWN_LAYOUT naming what was not found.
 */
export const formsFromBlocks = (blocks: readonly Block[], source: string): ReadForm[] => {
  const stream = streamOf(blocks);
  const ranges = rangesOf(stream, source);
  const forms = ranges.map((range, index) => {
    // Each form's report is what stands between the previous form's table and its own (the last form's runs on).
    const from = index === 0 ? 0 : (ranges[index - 1]?.table?.end ?? range.start);
    const to = index === ranges.length - 1 ? range.end : (range.table?.end ?? range.end);
    const narrative = narrativeFromBlocks(ranges.length === 1 ? blocks : blocksBetween(blocks, from, to));
    return formOf(stream, range, source, narrative);
  });
  const empty = forms.find(
    ({ form }) =>
      form.indicators.length === 0 &&
      form.complete &&
      form.formKind !== 'funds-only' &&
      form.formKind !== 'target-declaration',
  );
  if (empty) throw new AppError('NO_INDICATORS', `${source}：绩效指标表中没有任何指标行`);
  return forms;
};
