import type { FindingCode, Severity } from '../audit/codes.ts';
import type { EvaluationForm } from '../model/form.ts';
import { formPlaceLabel } from '../model/form-places.ts';
import type { Finding } from '../model/result.ts';
import type { EvaluationSummary } from '../summary.ts';
import { type BulkDuplicate, markDuplicates } from './bulk-duplicates.ts';

/** A finding as a bulk run keeps it: `place` says `where` in people's words, with the row's indicator named. */
export type BulkFinding = Pick<Finding, 'code' | 'severity' | 'message' | 'where'> & { place: string };

/** One report of a bulk run, reduced to what a reviewer scans: who, how much, stated against recomputed. */
export type BulkRow = {
  file: string;
  /** 1-based position of the form in its file: a department's 决算 disclosure prints one 自评表 per project. */
  formIndex: number;
  format: string;
  projectName: string;
  department: string;
  unit: string;
  year: number | null;
  executionRate: number | null;
  statedTotal: number | null;
  /** 预算执行得分 + 各指标填报得分: what the stated total should add up to. */
  checkTotal: number;
  /** The total under the rule set, every point recomputed. */
  totalScore: number;
  grade: string;
  provisional: boolean;
  findings: BulkFinding[];
  /** The earlier report of the run this one repeats (same bytes, or the same unit, project and year), if any. */
  duplicateOf: BulkDuplicate | null;
};

/**
 * A file that could not be read (formIndex null: no form of it was found), or one form of a readable file that
 * was refused (formIndex 1-based: a 绩效目标申报表 or a funds-only page, NOT_A_SELF_EVALUATION), with the coded
 * reason.
 */
export type BulkFailure = { file: string; formIndex: number | null; code: string; reason: string };

export type BulkEntry = { ok: true; row: BulkRow } | { ok: false; failure: BulkFailure };

/** `files` counts the audited forms carrying the code (a file of two forms may count twice). */
export type BulkCodeCount = { code: FindingCode; severity: Severity; findings: number; files: number };

/**
 * A run counted by file and by form: a reviewer acts on forms, so `read` and `failed` count those (plus the files
 * that could not be read at all). files = distinct files; forms = read + refused forms; failed = refused forms +
 * unreadable files.
 */
export type BulkSummary = {
  /** Distinct files in the run, readable or not. */
  files: number;
  /** Forms found in the readable files: audited ones and refused ones. */
  forms: number;
  /** Forms audited (one row each). */
  read: number;
  /** Failures: forms refused as not self-evaluations, and files that could not be read at all. */
  failed: number;
  /** Reports whose findings include an error. */
  withErrors: number;
  /** Reports whose stated total differs from the recomputed one. */
  totalsDiffering: number;
  /** Reports that repeat an earlier one of the run (`duplicateOf`); audited and counted like the others. */
  duplicates: number;
  byGrade: Record<string, number>;
  byCode: BulkCodeCount[];
  rows: BulkRow[];
  failures: BulkFailure[];
};

/** The form, when given, names each finding's indicator row in its place (绩效指标第 4 行（…）·年度指标值). */
export const bulkRowOf = (
  summary: EvaluationSummary,
  file: string,
  formIndex: number,
  format: string,
  form?: EvaluationForm,
): BulkRow => ({
  file,
  formIndex,
  format,
  projectName: summary.projectName,
  department: summary.department,
  unit: summary.implementingUnit || summary.department,
  year: summary.year,
  executionRate: summary.executionRate,
  statedTotal: summary.statedTotal,
  checkTotal: summary.recomputedTotal,
  totalScore: summary.totalScore,
  grade: summary.grade,
  provisional: summary.provisional,
  findings: summary.findings.map(({ code, severity, message, where }) => ({
    code,
    severity,
    message,
    where,
    place: where ? formPlaceLabel(where, form) : '',
  })),
  duplicateOf: null,
});

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The name a form is reported under: the file, and after its first form the file with the form's index. */
export const bulkFormName = (file: string, formIndex: number | null): string =>
  formIndex === null || formIndex === 1 ? file : `${file}#${formIndex}`;

const byFileThenForm = (
  a: { file: string; formIndex: number | null },
  b: { file: string; formIndex: number | null },
): number => a.file.localeCompare(b.file) || (a.formIndex ?? 0) - (b.formIndex ?? 0);

/**
 * Totals per grade and per finding code over a run (one entry per form); rows and failures in file order, each
 * row that repeats an earlier one marked. `digests` (file → hash of its bytes), when known, also marks copies
 * whose forms name no project. Pure.
 */
export const summarizeBulk = (
  entries: readonly BulkEntry[],
  digests: ReadonlyMap<string, string> = new Map(),
): BulkSummary => {
  const rows = markDuplicates(entries.flatMap((entry) => (entry.ok ? [entry.row] : [])).sort(byFileThenForm), digests);
  const failures = entries.flatMap((entry) => (entry.ok ? [] : [entry.failure])).sort(byFileThenForm);
  const byGrade: Record<string, number> = {};
  const codes = new Map<FindingCode, BulkCodeCount>();
  for (const row of rows) {
    byGrade[row.grade] = (byGrade[row.grade] ?? 0) + 1;
    const seen = new Set<FindingCode>();
    for (const finding of row.findings) {
      const count = codes.get(finding.code) ?? {
        code: finding.code,
        severity: finding.severity,
        findings: 0,
        files: 0,
      };
      count.findings += 1;
      if (!seen.has(finding.code)) count.files += 1;
      seen.add(finding.code);
      codes.set(finding.code, count);
    }
  }
  return {
    files: new Set(entries.map((entry) => (entry.ok ? entry.row.file : entry.failure.file))).size,
    forms: rows.length + failures.filter((failure) => failure.formIndex !== null).length,
    read: rows.length,
    failed: failures.length,
    withErrors: rows.filter((row) => row.findings.some((finding) => finding.severity === 'error')).length,
    totalsDiffering: rows.filter((row) => row.statedTotal !== null && row.statedTotal !== row.totalScore).length,
    duplicates: rows.filter((row) => row.duplicateOf !== null).length,
    byGrade,
    byCode: [...codes.values()].sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.files - a.files || a.code.localeCompare(b.code),
    ),
    rows,
    failures,
  };
};

type StoredFinding = Omit<BulkFinding, 'place'> & { place?: string };
type StoredRow = Omit<BulkRow, 'formIndex' | 'findings' | 'duplicateOf'> & {
  formIndex?: number;
  findings: StoredFinding[];
  duplicateOf?: BulkDuplicate | null;
};
type StoredFailure = Omit<BulkFailure, 'formIndex'> & { formIndex?: number | null };
/**
 * A summary as stored by any version: those written before forms were counted lack `forms` and the indexes,
 * those written before duplicates were marked lack `duplicates`, `duplicateOf` and the findings' places.
 */
export type StoredBulkSummary = Omit<BulkSummary, 'forms' | 'duplicates' | 'rows' | 'failures'> & {
  forms?: number;
  duplicates?: number;
  rows: StoredRow[];
  failures: StoredFailure[];
};

/**
 * A stored summary in today's shape. One written before forms were counted audited the first form of each file
 * only and counted files: each row is that file's form 1, each failure a whole file. One written before
 * duplicates were marked has none, and its findings are placed without the form (no indicator names).
 */
export const currentBulkSummary = (stored: StoredBulkSummary): BulkSummary => {
  const rows = stored.rows.map(
    (row): BulkRow => ({
      ...row,
      formIndex: row.formIndex ?? 1,
      findings: row.findings.map((finding) => ({
        ...finding,
        place: finding.place ?? (finding.where ? formPlaceLabel(finding.where) : ''),
      })),
      duplicateOf: row.duplicateOf ?? null,
    }),
  );
  const failures = stored.failures.map((failure) => ({ ...failure, formIndex: failure.formIndex ?? null }));
  return {
    ...stored,
    forms: stored.forms ?? rows.length + failures.filter((failure) => failure.formIndex !== null).length,
    duplicates: stored.duplicates ?? rows.filter((row) => row.duplicateOf !== null).length,
    rows,
    failures,
  };
};
