import {
  type BulkEntry,
  bulkFormName,
  bulkRowOf,
  evaluate,
  findRuleSet,
  summarizeBulk,
  summarizeEvaluation,
} from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderBulkSummaryHtml, renderBulkSummaryXlsx } from '../src/index.ts';

const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

const rowEntry = (file: string, formIndex: number, seed: number): BulkEntry => {
  const form = generateForm(seed);
  const name = bulkFormName(file, formIndex);
  return {
    ok: true,
    row: bulkRowOf(summarizeEvaluation(form, evaluate(form, ruleSet), name), file, formIndex, 'md', form),
  };
};

/** A disclosure of two 自评表 and a 申报表, a plain report, and a file that could not be read. */
const summary = summarizeBulk([
  rowEntry('b部门决算.md', 2, 2),
  rowEntry('b部门决算.md', 1, 1),
  {
    ok: false,
    failure: {
      file: 'b部门决算.md',
      formIndex: 3,
      code: 'NOT_A_SELF_EVALUATION',
      reason: 'b部门决算.md#3：这是绩效目标申报表（只有年度指标值，没有实际完成值），不是绩效自评表',
    },
  },
  rowEntry('a单项.docx', 1, 3),
  { ok: false, failure: { file: 'c坏.docx', formIndex: null, code: 'UNREADABLE_FILE', reason: 'c坏.docx：无法读取' } },
]);

describe('bulk summaries of files holding several forms', () => {
  it('counts files and forms apart and keeps each file’s forms in order', () => {
    expect(summary).toMatchObject({ files: 3, forms: 4, read: 3, failed: 2 });
    expect(summary.rows.map(({ file, formIndex }) => [file, formIndex])).toEqual([
      ['a单项.docx', 1],
      ['b部门决算.md', 1],
      ['b部门决算.md', 2],
    ]);
  });

  it('gives each form its 表序 in the workbook, links each to its own findings, and counts files and forms', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderBulkSummaryXlsx(summary)).buffer as ArrayBuffer);
    const sheet = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    };
    const reports = sheet('汇总');
    expect(reports.getRow(1).getCell(2).text).toBe('表序');
    const rows = reports.getRows(2, reports.rowCount - 1) ?? [];
    expect(rows.map((row) => [row.getCell(1).text, row.getCell(2).value])).toEqual([
      ['a单项.docx', 1],
      ['b部门决算.md', 1],
      ['b部门决算.md', 2],
    ]);
    const findings = sheet('审核发现');
    const linked = rows.filter((row) => row.getCell(1).hyperlink);
    expect(linked.length).toBeGreaterThan(1);
    for (const row of linked) {
      const link = row.getCell(1).hyperlink ?? '';
      const target = findings.getRow(Number(link.replace(/^.*!A/u, '')));
      expect([target.getCell(1).text, target.getCell(2).value]).toEqual([row.getCell(1).text, row.getCell(2).value]);
    }
    const failures = sheet('已跳过');
    expect((failures.getRows(2, failures.rowCount - 1) ?? []).map((row) => row.values)).toEqual([
      [undefined, 'b部门决算.md', 3, expect.stringContaining('绩效目标申报表'), 'NOT_A_SELF_EVALUATION'],
      [undefined, 'c坏.docx', undefined, 'c坏.docx：无法读取', 'UNREADABLE_FILE'],
    ]);
    const counts = sheet('概况');
    const values = Object.fromEntries(
      (counts.getRows(2, counts.rowCount - 1) ?? []).map((row) => [row.getCell(1).text, row.getCell(2).value]),
    );
    expect(values).toMatchObject({ '文件（个）': 3, '表（张）': 4, '不是自评表（张）': 1, '已跳过的文件（个）': 1 });
  });

  it('names each form in the page and counts files and forms', () => {
    const html = renderBulkSummaryHtml(summary);
    expect(html).toContain('<th>表序</th>');
    expect(html).toContain('b部门决算.md（第 2 张表）');
    expect(html).toContain('b部门决算.md（第 3 张表）</td><td>b部门决算.md#3：这是绩效目标申报表');
    expect(html).toContain('<td>c坏.docx</td><td>c坏.docx：无法读取</td><td>UNREADABLE_FILE');
    expect(html).toContain('<div><b>3</b>文件（个）</div><div><b>4</b>表（张）</div>');
  });
});
