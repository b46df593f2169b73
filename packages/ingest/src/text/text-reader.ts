import { AppError } from '@jixiao/core';
import { formFromBlocks } from '../form/form-from-blocks.ts';
import type { ReportReader } from '../types.ts';
import { decodeText } from './decode.ts';
import { blocksFromFlattenedText } from './tokenize.ts';

const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export const textReader: ReportReader = {
  format: 'text',
  sniff: (_bytes, fileName) => /\.(txt|text)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => {
    if (bytes.byteLength > MAX_TEXT_BYTES) {
      return { ok: false, error: new AppError('FILE_TOO_LARGE', `${fileName}：文本文件超过 20 MB`) };
    }
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok) return decoded;
    try {
      const form = formFromBlocks(blocksFromFlattenedText(decoded.text), fileName);
      return { ok: true, report: { form, format: 'text', warnings: decoded.warnings } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  },
};
