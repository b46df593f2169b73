import {
  type BulkEntry,
  bulkFormName,
  bulkRowOf,
  type EvaluationForm,
  evaluate,
  FINDING_CODES,
  findRuleSet,
  summarizeBulk,
  summarizeEvaluation,
} from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderBulkSummaryXlsx } from '../src/index.ts';

const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

const CODE = /\b[A-Z]+_[A-Z_]+\b/u;
const PATH = /indicators\[|statedTotal\.|funds\.|narrative\./u;

const entry = (file: string, form: EvaluationForm): BulkEntry => ({
  ok: true,
  row: bulkRowOf(summarizeEvaluation(form, evaluate(form, ruleSet), bulkFormName(file, 1)), file, 1, 'docx', form),
});

/** A form whose first indicator claims more than its weight (SCORE_ABOVE_WEIGHT on indicators[0].statedScore). */
const overScored = (): EvaluationForm => {
  const form = generateForm(7);
  const [first, ...rest] = form.indicators;
  if (!first) throw new Error('no indicator');
  return { ...form, indicators: [{ ...first, name: '征收户数', statedScore: '999' }, ...rest] };
};

const form = overScored();
const summary = summarizeBulk(
  [
    entry('a-征收.docx', form),
    // The same report again as a PDF, and the same file twice under another name.
    entry('b-征收.pdf', form),
    entry('c-副本.docx', form),
    {
      ok: false,
      failure: {
        file: '照片.jpg',
        formIndex: null,
        code: 'UNSUPPORTED_FORMAT',
        reason: '照片.jpg：.jpg 文件不是可审核的自评报告格式，已跳过',
      },
    },
  ],
  new Map([
    ['a-征收.docx', 'same'],
    ['c-副本.docx', 'same'],
  ]),
);

const load = async (): Promise<ExcelJS.Workbook> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderBulkSummaryXlsx(summary)).buffer as ArrayBuffer);
  return book;
};

const sheetOf = (book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

const headerOf = (sheet: ExcelJS.Worksheet): string[] =>
  (sheet.getRow(1).values as unknown[]).slice(1).map((value) => String(value));

const bodyOf = (sheet: ExcelJS.Worksheet): string[][] =>
  (sheet.getRows(2, sheet.rowCount - 1) ?? []).map((row) =>
    headerOf(sheet).map((_title, index) => row.getCell(index + 1).text),
  );

describe('the bulk workbook read back', () => {
  it('gives people Chinese titles, places and duplicates, and keeps the codes in the last column only', async () => {
    const book = await load();
    const reports = sheetOf(book, '汇总');
    const header = headerOf(reports);
    expect(header.slice(-3)).toEqual(['审核发现', '重复', '审核发现代码']);
    const rows = bodyOf(reports);
    for (const row of rows) expect(row.slice(0, -1).join(' ')).not.toMatch(CODE);
    expect(rows.map((row) => row[header.indexOf('重复')])).toEqual([
      '',
      '重复：与“a-征收.docx”是同一单位、同一项目、同一年度的自评表',
      '重复：与“a-征收.docx”内容完全相同',
    ]);
    expect(rows[0]?.[header.indexOf('审核发现')]).toContain(FINDING_CODES.SCORE_ABOVE_WEIGHT.title);
    expect(rows[0]?.at(-1)).toContain('SCORE_ABOVE_WEIGHT');

    const findings = sheetOf(book, '审核发现');
    expect(headerOf(findings)).toEqual(['文件', '表序', '项目名称', '级别', '问题', '位置', '说明', '代码']);
    const lines = bodyOf(findings);
    for (const line of lines) {
      expect(line.slice(0, -1).join(' ')).not.toMatch(CODE);
      expect(line[5]).not.toMatch(PATH);
    }
    expect(lines.find((line) => line[7] === 'SCORE_ABOVE_WEIGHT')?.slice(4, 6)).toEqual([
      FINDING_CODES.SCORE_ABOVE_WEIGHT.title,
      '绩效指标第 1 行（征收户数）·自评得分',
    ]);

    const byProblem = sheetOf(book, '按问题统计');
    expect(headerOf(byProblem)).toEqual(['问题', '级别', '涉及表数', '发现数', '代码']);
    for (const row of bodyOf(byProblem)) expect(row.slice(0, -1).join(' ')).not.toMatch(CODE);

    const skipped = sheetOf(book, '已跳过');
    expect(headerOf(skipped)).toEqual(['文件', '表序', '原因', '代码']);
    expect(bodyOf(skipped)).toEqual([
      ['照片.jpg', '', '照片.jpg：.jpg 文件不是可审核的自评报告格式，已跳过', 'UNSUPPORTED_FORMAT'],
    ]);

    const counts = Object.fromEntries(bodyOf(sheetOf(book, '概况')).map(([label, count]) => [label, count]));
    expect(counts).toMatchObject({ '文件（个）': '4', '已跳过的文件（个）': '1', '重复的表（张）': '2' });
  });
});
