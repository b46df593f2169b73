import type { BulkRow, FindingCode } from '@jixiao/core';
import type { BulkAuditStatus, BulkAuditView } from '../api/bulk-types.ts';

/** The server's upload limit (services MAX_BULK_ZIP_BYTES): checked here first to spare a long upload. */
export const MAX_ZIP_BYTES = 100 * 1024 * 1024;

export const STATUS_TEXT: Record<BulkAuditStatus, { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '审核中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

export const isActive = (status: BulkAuditStatus): boolean => {
  switch (status) {
    case 'queued':
    case 'running':
      return true;
    case 'done':
    case 'failed':
      return false;
  }
};

export const progressPercent = (job: Pick<BulkAuditView, 'done' | 'total'>): number =>
  job.total === 0 ? 0 : Math.floor((job.done * 100) / job.total);

/** A report as the result table shows it: counts per severity and its distinct codes beside the row. */
export type BulkTableRow = BulkRow & { errors: number; warnings: number; infos: number; codes: FindingCode[] };

export const tableRows = (rows: readonly BulkRow[]): BulkTableRow[] =>
  rows.map((row) => ({
    ...row,
    errors: row.findings.filter((finding) => finding.severity === 'error').length,
    warnings: row.findings.filter((finding) => finding.severity === 'warning').length,
    infos: row.findings.filter((finding) => finding.severity === 'info').length,
    codes: [...new Set(row.findings.map((finding) => finding.code))],
  }));

/** Every word must appear in the file, project, unit or department (case-insensitive); no words keeps all. */
export const matchesWords = (row: BulkRow, text: string): boolean => {
  const haystack = [row.file, row.projectName, row.unit, row.department].join(' ').toLowerCase();
  return text
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
};

/** Numbers ascending with blanks after them, so an unreadable 执行率 does not sit among the lowest real ones. */
export const compareBlanksLast = (a: number | null, b: number | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
};
