import type { BulkFailure, BulkRow, BulkSummary, FindingCode } from '@jixiao/core';
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

/** A form as the result table shows it: counts per severity and its distinct codes beside the row. */
export type BulkTableRow = BulkRow & {
  /** File and form: a file of several forms has several rows. */
  key: string;
  errors: number;
  warnings: number;
  infos: number;
  codes: FindingCode[];
};

/** Unique across a run's rows and failures: a file has at most one entry per form, or one for the whole file. */
export const entryKey = ({ file, formIndex }: Pick<BulkFailure, 'file' | 'formIndex'>): string =>
  `${formIndex ?? 0}:${file}`;

export const tableRows = (rows: readonly BulkRow[]): BulkTableRow[] =>
  rows.map((row) => ({
    ...row,
    key: entryKey(row),
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

/** The run's counts with files and forms apart: refused forms and unreadable files are both in `failed`. */
export const runCounts = (summary: Pick<BulkSummary, 'files' | 'forms' | 'read' | 'failed'>) => {
  const refused = summary.forms - summary.read;
  return {
    files: summary.files,
    forms: summary.forms,
    read: summary.read,
    refused,
    unreadableFiles: summary.failed - refused,
  };
};
