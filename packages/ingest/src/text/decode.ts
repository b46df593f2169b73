import { AppError } from '@jixiao/core';
import type { ImportWarning } from '../types.ts';

export type Decoded = { ok: true; text: string; warnings: ImportWarning[] } | { ok: false; error: AppError };

/** A NUL byte or many C0 control bytes mean binary, not text. */
export const looksBinary = (bytes: Uint8Array): boolean => {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 8 || (byte > 13 && byte < 32 && byte !== 27)) controls++;
  }
  return controls > sample.length / 20;
};

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — many offices still save GBK text. */
export const decodeText = (bytes: Uint8Array, fileName: string): Decoded => {
  if (bytes.byteLength === 0) return { ok: false, error: new AppError('EMPTY_FILE', `${fileName}：文件为空`) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  if (looksBinary(bytes)) {
    return {
      ok: false,
      error: new AppError('BINARY_FILE', `${fileName}：文件含有二进制内容，不是文本，也不是受支持的文档格式`),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/u, ''), warnings: [] };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    return {
      ok: true,
      text,
      warnings: [
        { code: 'DECODED_AS_GB18030', message: '文件不是 UTF-8 编码，已按 GB18030（GBK）读取', where: fileName },
      ],
    };
  }
};
