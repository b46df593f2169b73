import { AppError } from '@jixiao/core';
import { compact } from '../form/chinese.ts';
import { formsFromBlocks } from '../form/form-from-blocks.ts';
import { importedForms } from '../form/imported.ts';
import { findIndicatorHeader } from '../form/indicators.ts';
import type { ImportResult, ImportWarning } from '../types.ts';
import { readWorkbook, type Sheet } from './workbook.ts';

const MAX_XLSX_BYTES = 30 * 1024 * 1024;

const hasIndicatorHeader = (sheet: Sheet): boolean => findIndicatorHeader(sheet.rows) >= 0;

/**
 * The 自评表 sheet among the many a budget-system export holds (项目基本信息, 绩效目标申报表, 执行监控 …): a
 * sheet with the indicator header, one named 自评 first.
 */
export const evaluationSheet = (sheets: readonly Sheet[]): Sheet | undefined => {
  const candidates = sheets.filter(hasIndicatorHeader);
  return candidates.find((sheet) => compact(sheet.name).includes('自评')) ?? candidates[0];
};

/** The forms of a workbook (xlsx or xls): those of the 自评表 sheet, with the warnings raised on it. */
export const formFromWorkbook = (
  sheets: readonly Sheet[],
  warnings: readonly ImportWarning[],
  fileName: string,
  format: 'xlsx' | 'xls',
): ImportResult => {
  const sheet = evaluationSheet(sheets) ?? sheets.find((candidate) => candidate.rows.length > 0);
  if (!sheet) {
    return {
      ok: false,
      error: new AppError('UNKNOWN_LAYOUT', `${fileName}：工作簿中没有任何有内容的工作表`),
    };
  }
  const source = `${fileName}（工作表“${sheet.name}”）`;
  try {
    const forms = formsFromBlocks([{ kind: 'table', rows: sheet.rows }], source);
    return importedForms(
      forms,
      format,
      warnings.filter((warning) => warning.where.startsWith(`${sheet.name}!`)),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNKNOWN_LAYOUT') {
      return {
        ok: false,
        error: new AppError(
          'UNKNOWN_LAYOUT',
          `${fileName}：在工作表 ${sheets.map((item) => `“${item.name}”`).join('、')} 中未找到“绩效指标”表头（一级指标/二级指标/三级指标）`,
        ),
      };
    }
    throw error;
  }
};

/** Excel 2007+ (.xlsx): the 自评表 sheet, merged cells repeated, title rows above it giving the form's titles. */
export const readXlsx = async (bytes: Uint8Array, fileName: string): Promise<ImportResult> => {
  if (bytes.byteLength > MAX_XLSX_BYTES) {
    return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：Excel 文件超过 30 MB`) };
  }
  try {
    const { sheets, warnings, names } = readWorkbook(bytes, fileName);
    if (sheets.length === 0) {
      const what = names.includes('word/document.xml')
        ? '该文件实际是 Word 文档（.docx）'
        : '压缩包中没有 Excel 工作簿（xl/workbook.xml）';
      return {
        ok: false,
        error: new AppError('UNSUPPORTED_FORMAT', `${fileName}：${what}，不是 Excel 工作簿（.xlsx）`),
      };
    }
    return formFromWorkbook(sheets, warnings, fileName, 'xlsx');
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
};
