import { type BulkRow, type BulkSummary, duplicateLabel, FINDING_CODES, type FindingCode } from '@jixiao/core';

/** The columns of the per-form table, shared by the .xlsx and .html summaries: 表序 is the form's place in its file. */
export const ROW_COLUMNS = [
  '文件',
  '表序',
  '项目名称',
  '单位',
  '年度',
  '执行率（%）',
  '填报总分',
  '复核总分',
  '差额',
  '等级',
  '错误',
  '警告',
  '提示',
  '审核发现',
  '重复',
  // Last, for programs that read the sheet: people read the titles before it.
  '审核发现代码',
] as const;

const countOf = (row: BulkRow, severity: 'error' | 'warning' | 'info') =>
  row.findings.filter((finding) => finding.severity === severity).length;

/** A row's cells in ROW_COLUMNS order; numbers stay numbers (sortable, formattable). */
export const rowCells = (row: BulkRow): (string | number | null)[] => [
  row.file,
  row.formIndex,
  row.projectName,
  row.unit,
  row.year,
  row.executionRate,
  row.statedTotal,
  row.totalScore,
  // In hundredths, so that 97.3 − 100 is −2.7 and not −2.700000000000003.
  row.statedTotal === null ? null : (Math.round(row.statedTotal * 100) - Math.round(row.totalScore * 100)) / 100,
  row.grade + (row.provisional ? '（暂定）' : ''),
  countOf(row, 'error'),
  countOf(row, 'warning'),
  countOf(row, 'info'),
  [...new Set(row.findings.map((finding) => findingTitle(finding.code)))].join('；'),
  row.duplicateOf ? `重复：${duplicateLabel(row.duplicateOf)}` : '',
  [...new Set(row.findings.map((finding) => finding.code))].join(' '),
];

export const findingTitle = (code: FindingCode): string => FINDING_CODES[code].title;

/** 文件 alone for a whole file, 文件（第 n 张表） for one form of it. */
export const formLabel = (file: string, formIndex: number | null): string =>
  formIndex === null ? file : `${file}（第 ${formIndex} 张表）`;

/** The counts heading both summaries: files and forms apart, since a file may hold several forms. */
export const countLabels = (
  summary: Pick<BulkSummary, 'files' | 'forms' | 'read' | 'failed' | 'withErrors' | 'totalsDiffering' | 'duplicates'>,
): [string, number][] => [
  ['文件（个）', summary.files],
  ['表（张）', summary.forms],
  ['已审核（张）', summary.read],
  ['不是自评表（张）', summary.forms - summary.read],
  // Files that could not be read and files that are not a report format: neither holds a form.
  ['已跳过的文件（个）', summary.failed - (summary.forms - summary.read)],
  ['重复的表（张）', summary.duplicates],
  ['有“错误”级发现（张）', summary.withErrors],
  ['填报总分与复核不符（张）', summary.totalsDiffering],
];
