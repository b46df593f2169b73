import { AppError, type DeclarationForm, type MonitoringReport } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';
import { declarationFromSheet } from './declaration-sheet.ts';
import type { BudgetSheet } from './grid.ts';
import type { BudgetYearImport } from './import-result.ts';
import { monitoringFromSheet } from './monitoring-sheet.ts';
import { type SheetKind, sheetOfKind } from './sheet-kind.ts';
import { sheetsOfFile } from './sheets-of-file.ts';

type Reader<T> = (sheet: BudgetSheet) => { value: T; warnings: ImportWarning[] };

const REFUSALS = {
  declaration: { code: 'NOT_A_DECLARATION', what: '绩效目标申报表（含三级指标 / 指标值的目标表）' },
  monitoring: { code: 'NOT_A_MONITORING_REPORT', what: '绩效目标执行监控表（含 1-N月执行情况 / 完成目标可能性）' },
} as const;

const readKind = async <T>(
  bytes: Uint8Array,
  fileName: string,
  kind: Extract<SheetKind, 'declaration' | 'monitoring'>,
  read: Reader<T>,
): Promise<BudgetYearImport<T>> => {
  const file = await sheetsOfFile(bytes, fileName);
  if (!file.ok) return file;
  const chosen = sheetOfKind(file.sheets, kind);
  if (!chosen.sheet) {
    const { code, what } = REFUSALS[kind];
    return { ok: false, error: new AppError(code, `${fileName}：没有找到${what}。${chosen.found}`) };
  }
  const { sheet } = chosen;
  try {
    const { value, warnings } = read(sheet);
    // The file's own warnings (#REF! and other error cells) that fall on the sheet read.
    const cells = file.warnings.filter((warning) => warning.where.startsWith(`${sheet.name}!`));
    return { ok: true, value, warnings: [...cells, ...warnings], sheetName: sheet.name };
  } catch {
    return {
      ok: false,
      error: new AppError('UNREADABLE_FILE', `${fileName}：${sheet.label}的内容无法解析，请检查文件后重试`),
    };
  }
};

/** A 项目支出绩效目标申报表 from an .xlsx, .xls or .docx: the sheet found by its content among the file's sheets. */
export const readDeclarationFile = (bytes: Uint8Array, fileName: string): Promise<BudgetYearImport<DeclarationForm>> =>
  readKind(bytes, fileName, 'declaration', declarationFromSheet);

/** A 项目支出绩效目标执行监控表 from an .xlsx, .xls or .docx, found by its content likewise. */
export const readMonitoringFile = (bytes: Uint8Array, fileName: string): Promise<BudgetYearImport<MonitoringReport>> =>
  readKind(bytes, fileName, 'monitoring', monitoringFromSheet);
