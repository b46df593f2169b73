import { AppError } from '@jixiao/core';
import CFB from 'cfb';
import type { ImportResult } from '../types.ts';
import { formFromWorkbook } from '../xlsx/xlsx-reader.ts';
import { readBiffWorkbook } from './biff.ts';

const MAX_XLS_BYTES = 30 * 1024 * 1024;

/** Excel 97–2003 (.xls), which many offices still save from WPS: an OLE file holding a BIFF8 Workbook stream. */
export const readXls = async (bytes: Uint8Array, fileName: string): Promise<ImportResult> => {
  if (bytes.byteLength > MAX_XLS_BYTES)
    return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：Excel 文件超过 30 MB`) };
  try {
    let container: CFB.CFB$Container;
    try {
      container = CFB.read(bytes, { type: 'buffer' });
    } catch {
      return { ok: false, error: new AppError('HOSTILE_FILE', `${fileName}：OLE 复合文档结构损坏，无法读取`) };
    }
    const stream = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
    if (!stream?.content) {
      const word = CFB.find(container, 'WordDocument') !== null;
      return {
        ok: false,
        error: new AppError(
          'UNSUPPORTED_FORMAT',
          word
            ? `${fileName}：该文件是旧版 Word 文档（.doc），请在 WPS 或 Office 中另存为 .docx 后导入`
            : `${fileName}：不是 Excel 97–2003 工作簿`,
        ),
      };
    }
    const { sheets, warnings } = readBiffWorkbook(Uint8Array.from(stream.content as ArrayLike<number>), fileName);
    return formFromWorkbook(sheets, warnings, fileName, 'xls');
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
};
