import { type BulkRow, type BulkSummary, SEVERITY_LABELS } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { countLabels, findingTitle, ROW_COLUMNS, rowCells } from './bulk-labels.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const WIDTHS = [34, 6, 30, 30, 8, 11, 10, 10, 8, 10, 7, 7, 7, 60, 40, 30];

const header = (sheet: ExcelJS.Worksheet, titles: readonly string[]) => {
  const row = sheet.addRow([...titles]);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: titles.length } };
};

/**
 * The bulk audit as a reviewer opens it in Excel or WPS: 汇总 (one row per form, filter and sort on every
 * column, each form linking to its findings, duplicates named), 审核发现 (one row per finding), 按问题统计,
 * 已跳过 (files not read — unreadable or not a report format, 表序 blank — and forms that are not
 * self-evaluations), 概况 (files and forms counted apart). People read Chinese titles and places; each sheet's
 * 代码 column, for programs, comes last.
 */
export const renderBulkSummaryXlsx = async (summary: BulkSummary): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效自评系统';
  const reports = workbook.addWorksheet('汇总');
  const findings = workbook.addWorksheet('审核发现');
  const codes = workbook.addWorksheet('按问题统计');
  const failures = workbook.addWorksheet('已跳过');
  const counts = workbook.addWorksheet('概况');

  header(findings, ['文件', '表序', '项目名称', '级别', '问题', '位置', '说明', '代码']);
  const formKey = (row: BulkRow) => `${row.formIndex}\u0000${row.file}`;
  const firstFindingRow = new Map<string, number>();
  for (const row of summary.rows) {
    for (const finding of row.findings) {
      const added = findings.addRow([
        row.file,
        row.formIndex,
        row.projectName,
        SEVERITY_LABELS[finding.severity],
        findingTitle(finding.code),
        finding.place,
        finding.message,
        finding.code,
      ]);
      if (!firstFindingRow.has(formKey(row))) firstFindingRow.set(formKey(row), added.number);
    }
  }
  findings.columns.forEach((column, index) => {
    column.width = [34, 6, 30, 6, 22, 30, 90, 26][index] ?? 12;
  });
  findings.getColumn(7).alignment = { wrapText: true, vertical: 'top' };

  header(reports, ROW_COLUMNS);
  for (const row of summary.rows) {
    const added = reports.addRow(rowCells(row));
    const target = firstFindingRow.get(formKey(row));
    if (target !== undefined) {
      added.getCell(1).value = { text: row.file, hyperlink: `#'审核发现'!A${target}` };
      added.getCell(1).font = { color: { argb: 'FF1F4E9E' }, underline: true };
    }
    added.getCell(6).numFmt = '0.00';
    for (const column of [7, 8, 9]) added.getCell(column).numFmt = '0.00';
    if (row.findings.some((finding) => finding.severity === 'error'))
      added.getCell(11).font = { color: { argb: 'FFC00000' }, bold: true };
  }
  reports.columns.forEach((column, index) => {
    column.width = WIDTHS[index] ?? 12;
  });

  header(codes, ['问题', '级别', '涉及表数', '发现数', '代码']);
  for (const count of summary.byCode) {
    codes.addRow([findingTitle(count.code), SEVERITY_LABELS[count.severity], count.files, count.findings, count.code]);
  }

  codes.columns.forEach((column, index) => {
    column.width = [26, 8, 12, 10, 28][index] ?? 12;
  });

  header(failures, ['文件', '表序', '原因', '代码']);
  for (const failure of summary.failures)
    failures.addRow([failure.file, failure.formIndex, failure.reason, failure.code]);
  failures.columns.forEach((column, index) => {
    column.width = [40, 6, 100, 24][index] ?? 12;
  });

  header(counts, ['项目', '数量']);
  for (const [label, count] of countLabels(summary)) counts.addRow([label, count]);
  counts.getColumn(1).width = 26;

  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
