import { AppError } from '@jixiao/core';
import { formsFromBlocks } from '../form/form-from-blocks.ts';
import { importedForms } from '../form/imported.ts';
import { parseOfficeXml } from '../safety/xml.ts';
import { extractZipEntries } from '../safety/zip.ts';
import type { ImportResult } from '../types.ts';
import { blocksFromDocumentXml } from './docx-blocks.ts';

const MAX_DOCX_BYTES = 30 * 1024 * 1024;
const DOCUMENT_PART = 'word/document.xml';

/** What an Office zip really is, by its main part: a .docx named .xlsx is read as what it is, or refused. */
const mainPartOf = (names: readonly string[]): 'docx' | 'xlsx' | 'pptx' | null => {
  if (names.includes(DOCUMENT_PART)) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
};

/** Word 2007+ (.docx): the narrative paragraphs and the 自评表 table with its merged cells. */
export const readDocx = async (bytes: Uint8Array, fileName: string): Promise<ImportResult> => {
  if (bytes.byteLength > MAX_DOCX_BYTES) {
    return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：Word 文件超过 30 MB`) };
  }
  try {
    const names: string[] = [];
    const parts = extractZipEntries(
      bytes,
      (name) => {
        names.push(name);
        return name === DOCUMENT_PART;
      },
      fileName,
    );
    const document = parts.get(DOCUMENT_PART);
    if (names.length === 0) {
      return { ok: false, error: new AppError('HOSTILE_FILE', `${fileName}：压缩包为空或已损坏（可能被截断）`) };
    }
    if (!document) {
      const actual = mainPartOf(names);
      const message =
        actual === null
          ? `${fileName}：压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx 文件`
          : `${fileName}：该文件实际是${actual === 'xlsx' ? 'Excel 工作簿（.xlsx）' : 'PowerPoint 演示文稿（.pptx）'}，不是 Word 文档（.docx）`;
      return { ok: false, error: new AppError('UNSUPPORTED_FORMAT', message) };
    }
    const blocks = blocksFromDocumentXml(parseOfficeXml(document, DOCUMENT_PART, fileName));
    return importedForms(formsFromBlocks(blocks, fileName), 'docx');
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
};
