import { AppError } from '@jixiao/core';
import type { Block } from '../document.ts';
import { detectContainer } from '../read-report.ts';
import type { ImportWarning } from '../types.ts';
import { type BudgetSheet, sheetOfWorkbook } from './grid.ts';

const MAX_BYTES = 30 * 1024 * 1024;

/** The grids a budget-year file holds: a workbook's sheets, or a Word document's tables (with the lines above each). */
export type FileSheets =
  | { ok: true; sheets: BudgetSheet[]; warnings: ImportWarning[] }
  | { ok: false; error: AppError };

const refused = (code: 'UNSUPPORTED_FORMAT' | 'EMPTY_FILE' | 'FILE_TOO_LARGE' | 'HOSTILE_FILE', message: string) =>
  ({ ok: false, error: new AppError(code, message) }) as const;

/**
 * Each Word table becomes one grid, led by the paragraphs printed since the previous table (the title and the
 * "(2019年度)" line sit above the table, as a sheet's title rows do).
 */
const sheetsOfBlocks = (blocks: readonly Block[]): BudgetSheet[] => {
  const sheets: BudgetSheet[] = [];
  let lines: string[][] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push([block.text]);
    else {
      const name = `第${sheets.length + 1}个表格`;
      const titles = lines.slice(-3);
      sheets.push({ name, rows: [...titles, ...block.rows], titleRows: titles.length, label: `文档中${name}` });
      lines = [];
    }
  }
  return sheets;
};

const readXlsSheets = async (bytes: Uint8Array, fileName: string): Promise<FileSheets> => {
  const { default: CFB } = await import('cfb');
  let container: ReturnType<typeof CFB.read>;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    return refused('HOSTILE_FILE', `${fileName}：OLE 复合文档结构损坏（可能被截断），无法读取`);
  }
  if (CFB.find(container, 'EncryptionInfo')) {
    return { ok: false, error: new AppError('ENCRYPTED_FILE', `${fileName}：文件已设置打开密码，请取消密码后再导入`) };
  }
  const stream = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  if (!stream?.content) {
    return CFB.find(container, 'WordDocument')
      ? refused('UNSUPPORTED_FORMAT', `${fileName}：该文件是旧版 Word 文档（.doc），请另存为 .docx 后导入`)
      : refused('UNSUPPORTED_FORMAT', `${fileName}：不是 Excel 97–2003 工作簿`);
  }
  const { readBiffWorkbook } = await import('../xls/biff.ts');
  const { sheets, warnings } = readBiffWorkbook(Uint8Array.from(stream.content as ArrayLike<number>), fileName);
  return { ok: true, sheets: sheets.map(sheetOfWorkbook), warnings };
};

const readZipSheets = async (bytes: Uint8Array, fileName: string): Promise<FileSheets> => {
  const { extractZipEntries } = await import('../safety/zip.ts');
  const names: string[] = [];
  const parts = extractZipEntries(
    bytes,
    (name) => {
      names.push(name);
      return name === 'word/document.xml';
    },
    fileName,
  );
  if (names.length === 0) return refused('HOSTILE_FILE', `${fileName}：压缩包为空或已损坏（可能被截断）`);
  const document = parts.get('word/document.xml');
  if (document) {
    const { parseOfficeXml } = await import('../safety/xml.ts');
    const { blocksFromDocumentXml } = await import('../docx/docx-blocks.ts');
    const blocks = blocksFromDocumentXml(parseOfficeXml(document, 'word/document.xml', fileName));
    return { ok: true, sheets: sheetsOfBlocks(blocks), warnings: [] };
  }
  if (!names.includes('xl/workbook.xml')) {
    return refused('UNSUPPORTED_FORMAT', `${fileName}：压缩包中既没有 Excel 工作簿，也没有 Word 正文`);
  }
  const { readWorkbook } = await import('../xlsx/workbook.ts');
  const { sheets, warnings } = readWorkbook(bytes, fileName);
  return { ok: true, sheets: sheets.map(sheetOfWorkbook), warnings };
};

/**
 * The grids of an uploaded .xlsx, .xls or .docx, told apart by their bytes (the name is not consulted), through
 * the same zip, XML and size guards as the self-evaluation readers. Never throws on user input.
 */
export const sheetsOfFile = async (bytes: Uint8Array, fileName: string): Promise<FileSheets> => {
  if (bytes.byteLength === 0) return refused('EMPTY_FILE', `${fileName}：文件为空`);
  if (bytes.byteLength > MAX_BYTES) return refused('FILE_TOO_LARGE', `${fileName}：文件超过 30 MB`);
  const container = detectContainer(bytes);
  try {
    if (container === 'ole') return await readXlsSheets(bytes, fileName);
    if (container === 'zip') return await readZipSheets(bytes, fileName);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    return refused('HOSTILE_FILE', `${fileName}：文件内容无法解析（格式异常或已损坏），请检查文件后重试`);
  }
  return refused(
    'UNSUPPORTED_FORMAT',
    `${fileName}：${container === 'pdf' ? 'PDF 文档' : container === 'text' ? '文本文件' : '该文件'}不是 Excel（.xlsx / .xls）或 Word（.docx）文件，无法读取申报表或监控表`,
  );
};
