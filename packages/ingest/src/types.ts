import type { AppError, EvaluationForm } from '@jixiao/core';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'docx' | 'xlsx' | 'xls' | 'pdf';

/** Something the reader noticed but could read past (an #REF! cell, an unfilled template row …). */
export type ImportWarning = { code: string; message: string; where: string };

export type ImportedReport = { form: EvaluationForm; format: ReportFormat; warnings: ImportWarning[] };

/**
 * A read file: every form it holds (a department's disclosure prints one 自评表 per project), `report` being the
 * first. Each form carries its own warnings (the file's, such as decoding, are on every form).
 */
export type ImportResult =
  | { ok: true; report: ImportedReport; reports: ImportedReport[] }
  | { ok: false; error: AppError };

export type ReportInput = { bytes: Uint8Array; fileName: string };

/** One reader per format; `readReport` picks one by content first and by name second. */
export type ReportReader = {
  format: ReportFormat;
  /** True when the bytes look like this format (magic numbers, not the file name). */
  sniff: (bytes: Uint8Array, fileName: string) => boolean;
  read: (input: ReportInput) => Promise<ImportResult>;
};
