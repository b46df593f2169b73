import type { FindingCode, Severity } from '../audit/codes.ts';
import type { Finding } from '../model/result.ts';
import type { EvaluationSummary } from '../summary.ts';

/** One report of a bulk run, reduced to what a reviewer scans: who, how much, stated against recomputed. */
export type BulkRow = {
  file: string;
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
  findings: Pick<Finding, 'code' | 'severity' | 'message' | 'where'>[];
};

/** A file that could not be read, with the reader's coded reason. */
export type BulkFailure = { file: string; code: string; reason: string };

export type BulkEntry = { ok: true; row: BulkRow } | { ok: false; failure: BulkFailure };

export type BulkCodeCount = { code: FindingCode; severity: Severity; findings: number; files: number };

export type BulkSummary = {
  files: number;
  read: number;
  failed: number;
  /** Reports whose findings include an error. */
  withErrors: number;
  /** Reports whose stated total differs from the recomputed one. */
  totalsDiffering: number;
  byGrade: Record<string, number>;
  byCode: BulkCodeCount[];
  rows: BulkRow[];
  failures: BulkFailure[];
};

export const bulkRowOf = (summary: EvaluationSummary, file: string, format: string): BulkRow => ({
  file,
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
  findings: summary.findings.map(({ code, severity, message, where }) => ({ code, severity, message, where })),
});

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Totals per grade and per finding code over a run; rows and failures in file order. Pure. */
export const summarizeBulk = (entries: readonly BulkEntry[]): BulkSummary => {
  const rows = entries.flatMap((entry) => (entry.ok ? [entry.row] : [])).sort((a, b) => a.file.localeCompare(b.file));
  const failures = entries
    .flatMap((entry) => (entry.ok ? [] : [entry.failure]))
    .sort((a, b) => a.file.localeCompare(b.file));
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
    files: entries.length,
    read: rows.length,
    failed: failures.length,
    withErrors: rows.filter((row) => row.findings.some((finding) => finding.severity === 'error')).length,
    totalsDiffering: rows.filter((row) => row.statedTotal !== null && row.statedTotal !== row.totalScore).length,
    byGrade,
    byCode: [...codes.values()].sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.files - a.files || a.code.localeCompare(b.code),
    ),
    rows,
    failures,
  };
};
