import { type BulkRow, FINDING_CODES, type FindingCode } from '@jixiao/core';

/** The columns of the per-report table, shared by the .xlsx and .html summaries. */
export const ROW_COLUMNS = [
  '文件',
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
  '审核发现代码',
] as const;

const countOf = (row: BulkRow, severity: 'error' | 'warning' | 'info') =>
  row.findings.filter((finding) => finding.severity === severity).length;

/** A row's cells in ROW_COLUMNS order; numbers stay numbers (sortable, formattable). */
export const rowCells = (row: BulkRow): (string | number | null)[] => [
  row.file,
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
  [...new Set(row.findings.map((finding) => finding.code))].join(' '),
];

export const findingTitle = (code: FindingCode): string => FINDING_CODES[code].title;
