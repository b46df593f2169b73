import { AppError } from '@jixiao/core';
import { textReader } from './form/document-reader.ts';
import { jsonReader } from './json/json-reader.ts';
import { docxReader, pdfReader, READERS, xlsReader, xlsxReader } from './readers.ts';
import { looksBinary } from './text/decode.ts';
import type { ImportResult, ReportInput, ReportReader } from './types.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, index) => bytes[index] === byte);

/** What the bytes are, by magic number: the name is only a hint. */
export const detectContainer = (bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'text' | 'binary' => {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return looksBinary(bytes) ? 'binary' : 'text';
};

/** An encrypted .docx/.xlsx is an OLE file holding an "EncryptionInfo" stream (its name in UTF-16LE). */
const ENCRYPTION_INFO = new Uint8Array([...'EncryptionInfo'].flatMap((char) => [char.charCodeAt(0), 0]));

const isEncryptedOffice = (bytes: Uint8Array): boolean => {
  const limit = Math.min(bytes.length, 1024 * 1024) - ENCRYPTION_INFO.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < ENCRYPTION_INFO.length; j++) if (bytes[i + j] !== ENCRYPTION_INFO[j]) continue outer;
    return true;
  }
  return false;
};

const CONTAINER_NAMES = {
  zip: 'ZIP 压缩包（如 .docx / .xlsx）',
  ole: 'OLE 复合文档（如 .doc / .xls）',
  pdf: 'PDF 文档',
} as const;

/**
 * Reads a report of any supported format into the form. Never throws on user input: every failure is a
 * coded AppError whose Chinese message names the file and what was wrong.
 */
export const readReport = async (input: ReportInput): Promise<ImportResult> => {
  const { bytes, fileName } = input;
  if (bytes.byteLength === 0) return { ok: false, error: new AppError('EMPTY_FILE', `${fileName}：文件为空`) };
  const container = detectContainer(bytes);
  const sniffed = READERS.filter((reader) => reader.sniff(bytes, fileName));
  if (container === 'ole' && isEncryptedOffice(bytes)) {
    return {
      ok: false,
      error: new AppError(
        'ENCRYPTED_FILE',
        `${fileName}：文件已设置打开密码（加密的 Office 文档），请取消密码后再导入`,
      ),
    };
  }
  if (container === 'zip' || container === 'ole' || container === 'pdf') {
    // The content decides, the name only breaks a tie: an .xls saved without its extension, a .docx called .xlsx.
    const binaryReader = readerByContent(container, bytes) ?? sniffed.find((reader) => BINARY.includes(reader.format));
    if (!binaryReader) {
      return {
        ok: false,
        error: new AppError(
          'UNSUPPORTED_FORMAT',
          container === 'ole'
            ? `${fileName}：该文件是旧版 Office 格式（OLE 复合文档，如 .xls / .doc），暂不支持直接读取，请在 WPS 或 Office 中另存为 .xlsx / .docx 后导入`
            : `${fileName}：该文件是${CONTAINER_NAMES[container]}，当前不支持读取此格式`,
        ),
      };
    }
    return readSafely(binaryReader, input);
  }
  if (container === 'binary') {
    return {
      ok: false,
      error: new AppError('BINARY_FILE', `${fileName}：文件含有二进制内容，不是文本，也不是受支持的文档格式`),
    };
  }
  const reader = sniffed.find((candidate) => ['text', 'json'].includes(candidate.format)) ?? guessTextReader(bytes);
  return readSafely(reader, input);
};

/**
 * A reader's unexpected exception becomes a coded error naming the file: one bad file never stops a run. The
 * exception's own text stays out of it — it describes our code, not the file, and must not reach a client.
 */
const readSafely = async (reader: ReportReader, input: ReportInput): Promise<ImportResult> => {
  try {
    return await reader.read(input);
  } catch {
    return {
      ok: false,
      error: new AppError(
        'UNREADABLE_FILE',
        `${input.fileName}：文件内容无法解析（格式异常或已损坏），请检查文件后重试`,
      ),
    };
  }
};

const BINARY: readonly ReportReader['format'][] = ['docx', 'xlsx', 'xls', 'pdf'];

const includesAscii = (bytes: Uint8Array, text: string): boolean => {
  const needle = new TextEncoder().encode(text);
  const limit = bytes.length - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

/** Which reader a container's content calls for: a zip by its main part's name in the archive, OLE and PDF by kind. */
const readerByContent = (container: 'zip' | 'ole' | 'pdf', bytes: Uint8Array): ReportReader | undefined => {
  switch (container) {
    case 'pdf':
      return pdfReader;
    case 'ole':
      return xlsReader;
    case 'zip':
      if (includesAscii(bytes, 'xl/workbook.xml') && !includesAscii(bytes, 'word/document.xml')) return xlsxReader;
      return docxReader;
  }
};

/** JSON if it opens like JSON; anything else is text, whose layout the text reader finds from the content. */
const guessTextReader = (bytes: Uint8Array): ReportReader => {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).trimStart();
  return head.startsWith('{') ? jsonReader : textReader;
};
