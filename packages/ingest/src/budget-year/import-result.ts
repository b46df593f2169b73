import type { AppError } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';

/** A read declaration or monitoring report, with what could not be read, and the sheet (or table) it came from. */
export type BudgetYearImport<T> =
  | { ok: true; value: T; warnings: ImportWarning[]; sheetName: string | null }
  | { ok: false; error: AppError };
