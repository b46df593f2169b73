import { textReader } from './form/document-reader.ts';
import { jsonReader } from './json/json-reader.ts';
import type { ReportReader } from './types.ts';

/*
 * The readers by format. A binary format's reader (and its zip, XML, spreadsheet or PDF library) is loaded the
 * first time a file of that format arrives: reading one text file must not pay for PDF.js and the Office parsers.
 * Each sniffs by magic number; the name only narrows which of the Office formats a zip or OLE file is.
 */

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, index) => bytes[index] === byte);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;

export const docxReader: ReportReader = {
  format: 'docx',
  sniff: (bytes, fileName) => startsWith(bytes, ZIP_MAGIC) && /\.(docx|docm|dotx|zip)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => (await import('./docx/docx-reader.ts')).readDocx(bytes, fileName),
};

export const xlsxReader: ReportReader = {
  format: 'xlsx',
  sniff: (bytes, fileName) => startsWith(bytes, ZIP_MAGIC.slice(0, 2)) && /\.(xlsx|xlsm)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => (await import('./xlsx/xlsx-reader.ts')).readXlsx(bytes, fileName),
};

export const xlsReader: ReportReader = {
  format: 'xls',
  sniff: (bytes, fileName) => startsWith(bytes, OLE_MAGIC) && /\.(xls|et)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => (await import('./xls/xls-reader.ts')).readXls(bytes, fileName),
};

export const pdfReader: ReportReader = {
  format: 'pdf',
  sniff: (bytes) => startsWith(bytes, PDF_MAGIC),
  read: async (input) => (await import('./pdf/pdf-reader.ts')).readPdf(input),
};

export const READERS: readonly ReportReader[] = [docxReader, xlsxReader, xlsReader, pdfReader, jsonReader, textReader];
