import { AppError } from '@jixiao/core';
import type { Block } from '../document.ts';
import { decodeText } from '../text/decode.ts';
import type { ReportFormat, ReportReader } from '../types.ts';
import { formFromBlocks } from './form-from-blocks.ts';

/**
 * A reader for a text format: decode the bytes (UTF-8, UTF-16 or GB18030), cut them into blocks, build the
 * form. Layout errors from `formFromBlocks` come back as results, not exceptions.
 */
export const textDocumentReader = (
  format: ReportFormat,
  extensions: RegExp,
  maxBytes: number,
  toBlocks: (text: string) => Block[],
): ReportReader => ({
  format,
  sniff: (_bytes, fileName) => extensions.test(fileName),
  read: async ({ bytes, fileName }) => {
    if (bytes.byteLength > maxBytes) {
      return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：文件超过 ${maxBytes / 1024 / 1024} MB`) };
    }
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok) return decoded;
    try {
      const form = formFromBlocks(toBlocks(decoded.text), fileName);
      return { ok: true, report: { form, format, warnings: decoded.warnings } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  },
});
