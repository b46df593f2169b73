import { AppError } from '@jixiao/core';
import { decodeText } from '../text/decode.ts';
import { blocksFromText } from '../text/layout.ts';
import type { ReportReader } from '../types.ts';
import { formsFromBlocks } from './form-from-blocks.ts';
import { importedForms } from './imported.ts';

const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/**
 * The reader of text files: decode the bytes (UTF-8, UTF-16 or GB18030), find the layout from the content
 * (flattened Word text, tab-separated rows, CSV, markdown pipe tables — whatever the file is called), cut it
 * into blocks and build its forms. Layout errors come back as results, not exceptions.
 */
export const textReader: ReportReader = {
  format: 'text',
  sniff: (_bytes, fileName) => /\.(txt|text|md|markdown|csv|tsv)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => {
    if (bytes.byteLength > MAX_TEXT_BYTES) {
      return {
        ok: false,
        error: new AppError('FILE_TOO_LARGE', `${fileName}：文件超过 ${MAX_TEXT_BYTES / 1024 / 1024} MB`),
      };
    }
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok) return decoded;
    try {
      const { layout, blocks } = blocksFromText(decoded.text);
      return importedForms(
        formsFromBlocks(blocks, fileName),
        layout === 'markdown' ? 'markdown' : 'text',
        decoded.warnings,
      );
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  },
};
