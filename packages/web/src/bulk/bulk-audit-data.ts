import {
  type BulkFailure,
  type BulkFinding,
  type BulkRow,
  type BulkSummary,
  duplicateLabel,
  type FindingCode,
} from '@jixiao/core';
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

/**
 * The list of jobs with the one being watched as last polled: the list is loaded once, the watched job every
 * second, so both the progress bar and the list show the same answer.
 */
export const withLiveJob = (jobs: readonly BulkAuditView[], live: BulkAuditView | null): BulkAuditView[] =>
  live ? jobs.map((job) => (job.id === live.id ? { ...job, ...live } : job)) : [...jobs];

/**
 * What became of a file or form: audited; audited but repeating an earlier one; a file skipped (not a report
 * format, or unreadable); a form that is not a self-evaluation.
 */
export type RowOutcome = 'audited' | 'duplicate' | 'skipped' | 'refused';

/** In the order the table's filter offers them. */
export const OUTCOMES: readonly RowOutcome[] = ['audited', 'duplicate', 'skipped', 'refused'];

export const OUTCOME_TEXT: Record<RowOutcome, { label: string; color: string }> = {
  audited: { label: '已审核', color: 'green' },
  duplicate: { label: '重复', color: 'orange' },
  skipped: { label: '已跳过', color: 'default' },
  refused: { label: '不是自评表', color: 'default' },
};

/** One line of the result table: an audited form, or a skipped file or refused form with its reason. */
export type BulkTableRow = {
  /** File and form: a file of several forms has several rows, a skipped file one. */
  key: string;
  file: string;
  formIndex: number | null;
  outcome: RowOutcome;
  /** Whom a duplicate repeats, or why a file was skipped or a form refused; blank for an audited form. */
  note: string;
  projectName: string;
  unit: string;
  department: string;
  executionRate: number | null;
  statedTotal: number | null;
  totalScore: number | null;
  grade: string | null;
  provisional: boolean;
  errors: number;
  warnings: number;
  infos: number;
  codes: FindingCode[];
  findings: BulkFinding[];
};

/** Unique across a run's rows and failures: a file has at most one entry per form, or one for the whole file. */
export const entryKey = ({ file, formIndex }: Pick<BulkFailure, 'file' | 'formIndex'>): string =>
  `${formIndex ?? 0}:${file}`;

const auditedRow = (row: BulkRow): BulkTableRow => ({
  key: entryKey(row),
  file: row.file,
  formIndex: row.formIndex,
  outcome: row.duplicateOf ? 'duplicate' : 'audited',
  note: row.duplicateOf ? duplicateLabel(row.duplicateOf) : '',
  projectName: row.projectName,
  unit: row.unit,
  department: row.department,
  executionRate: row.executionRate,
  statedTotal: row.statedTotal,
  totalScore: row.totalScore,
  grade: row.grade,
  provisional: row.provisional,
  errors: row.findings.filter((finding) => finding.severity === 'error').length,
  warnings: row.findings.filter((finding) => finding.severity === 'warning').length,
  infos: row.findings.filter((finding) => finding.severity === 'info').length,
  codes: [...new Set(row.findings.map((finding) => finding.code))],
  findings: row.findings,
});

/** A reason as the readers word it starts with the file's name, which the row shows in its own column. */
const withoutFileName = (reason: string, file: string, formIndex: number | null): string => {
  for (const name of [`${file}#${formIndex}：`, `${file}：`])
    if (reason.startsWith(name)) return reason.slice(name.length);
  return reason;
};

const failureRow = (failure: BulkFailure): BulkTableRow => ({
  key: entryKey(failure),
  file: failure.file,
  formIndex: failure.formIndex,
  // A whole file not read is skipped; one form of a read file that is not a self-evaluation is refused.
  outcome: failure.formIndex === null ? 'skipped' : 'refused',
  note: withoutFileName(failure.reason, failure.file, failure.formIndex),
  projectName: '',
  unit: '',
  department: '',
  executionRate: null,
  statedTotal: null,
  totalScore: null,
  grade: null,
  provisional: false,
  errors: 0,
  warnings: 0,
  infos: 0,
  codes: [],
  findings: [],
});

/** Every form audited and every file or form not audited, in one list by file, then form (a whole file first). */
export const tableRows = (summary: Pick<BulkSummary, 'rows' | 'failures'>): BulkTableRow[] =>
  [...summary.rows.map(auditedRow), ...summary.failures.map(failureRow)].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.formIndex ?? 0) - (b.formIndex ?? 0),
  );

/** Every word must appear in the file, project, unit, department or note (case-insensitive); no words keeps all. */
export const matchesWords = (
  row: Pick<BulkTableRow, 'file' | 'projectName' | 'unit' | 'department' | 'note'>,
  text: string,
): boolean => {
  const haystack = [row.file, row.projectName, row.unit, row.department, row.note].join(' ').toLowerCase();
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

/**
 * The run's counts with files and forms apart: refused forms and skipped files (unreadable, or not a report
 * format) are both in `failed`.
 */
export const runCounts = (summary: Pick<BulkSummary, 'files' | 'forms' | 'read' | 'failed' | 'duplicates'>) => {
  const refused = summary.forms - summary.read;
  return {
    files: summary.files,
    forms: summary.forms,
    read: summary.read,
    refused,
    skippedFiles: summary.failed - refused,
    duplicates: summary.duplicates,
  };
};
