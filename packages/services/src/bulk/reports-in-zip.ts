import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { AppError, type BulkFailure } from '@jixiao/core';
import { extractZipEntries, type ZipLimits } from '@jixiao/ingest';
import { REPORT_EXTENSIONS } from './audit-folder.ts';

/** The largest zip a reviewer may upload. */
export const MAX_BULK_ZIP_BYTES = 100 * 1024 * 1024;

/**
 * Bounds for the uploaded archive, enforced while inflating: a few thousand reports, none larger than a report
 * reader accepts (PDF, 50 MB), and the whole held in memory while the job runs kept to 200 MB.
 */
export const BULK_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

/** `sha256` of the bytes: the run marks a later copy of the same file as a duplicate of the first. */
export type ZipReport = { file: string; bytes: Uint8Array; sha256: string };

/** The reports to audit, and the other files of the archive, each skipped with the reason (whole-file failures). */
export type ZipContents = { reports: ZipReport[]; skipped: BulkFailure[] };

const LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_RECORD_REACH = 22 + 0xffff;

const startsWith = (bytes: Uint8Array, at: number, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[at + index] === byte);

const hasEndRecord = (bytes: Uint8Array): boolean => {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_RECORD_REACH); at--)
    if (startsWith(bytes, at, END_OF_CENTRAL_DIRECTORY)) return true;
  return false;
};

/**
 * Folders, macOS resource forks (__MACOSX/), hidden files and Office lock files (~$…) are the archiving tool's and
 * the office program's, not the sender's: left out without a word.
 */
const isClutter = (name: string): boolean => {
  if (name.endsWith('/')) return true;
  const parts = name.split('/');
  if (parts.some((part) => part === '__MACOSX' || part.startsWith('.'))) return true;
  return parts.at(-1)?.startsWith('~$') ?? false;
};

const isReportName = (name: string): boolean =>
  (REPORT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/** A file the sender put in that is not a report format: listed with the run, so nothing goes missing silently. */
const skippedFile = (name: string): BulkFailure => {
  const file = entryDisplayName(name);
  const extension = extname(file);
  return {
    file,
    formIndex: null,
    code: 'UNSUPPORTED_FORMAT',
    reason: `${file}：${extension ? `${extension} 文件` : '没有扩展名的文件'}不是可审核的自评报告格式，已跳过（支持 ${REPORT_EXTENSIONS.join(' ')}）`,
  };
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry name as people wrote it. Zips made by Windows' own 压缩 and most Chinese tools store names in the
 * system code page (GBK) without the UTF-8 flag; the zip reader then gives each byte as a Latin-1 character.
 * Those bytes are read again as UTF-8 (tools that set no flag but write UTF-8) or else as GB18030.
 */
export const entryDisplayName = (name: string): string => {
  if (![...name].some((char) => char.charCodeAt(0) > 0x7f)) return name;
  if ([...name].some((char) => char.charCodeAt(0) > 0xff)) return name;
  const bytes = Uint8Array.from(name, (char) => char.charCodeAt(0));
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
};

const byFile = (a: { file: string }, b: { file: string }): number => a.file.localeCompare(b.file);

/**
 * The reports inside an uploaded zip, in name order, and the other files it holds (skipped, with the reason). Told
 * apart from other uploads by its magic number, not its name; an archive that is cut short, hostile (bomb,
 * traversal, encryption) or holds no report is refused here, before any job exists, with the reason.
 */
export const reportsInZip = (bytes: Uint8Array, fileName: string): ZipContents => {
  if (bytes.byteLength > MAX_BULK_ZIP_BYTES)
    throw new AppError('FILE_TOO_LARGE', `${fileName}：压缩包超过 ${MAX_BULK_ZIP_BYTES / 1024 / 1024} MB`);
  if (startsWith(bytes, 0, END_OF_CENTRAL_DIRECTORY))
    throw new AppError('EMPTY_FILE', `${fileName}：压缩包是空的，没有自评报告`);
  if (!startsWith(bytes, 0, LOCAL_FILE_HEADER))
    throw new AppError('UNSUPPORTED_FORMAT', `${fileName}：不是 zip 压缩包，请把自评报告打包为 .zip 后上传`);
  // The streaming reader only notices a cut inside an entry; a cut in the directory at the end is caught here.
  if (!hasEndRecord(bytes))
    throw new AppError('HOSTILE_FILE', `${fileName}：压缩包不完整（缺少末尾的文件目录，可能上传中断或文件被截断）`);
  const skipped: BulkFailure[] = [];
  // The reader asks about every entry once: the ones not taken are noted on the way.
  const wanted = (name: string): boolean => {
    if (isClutter(name)) return false;
    if (isReportName(name)) return true;
    skipped.push(skippedFile(name));
    return false;
  };
  const entries = extractZipEntries(bytes, wanted, fileName, BULK_ZIP_LIMITS);
  if (entries.size === 0)
    throw new AppError(
      'EMPTY_FILE',
      `${fileName}：压缩包中没有可审核的自评报告（支持 ${REPORT_EXTENSIONS.join(' ')}）`,
    );
  const reports = [...entries]
    .map(([name, content]) => ({
      file: entryDisplayName(name),
      bytes: content,
      sha256: createHash('sha256').update(content).digest('hex'),
    }))
    .sort(byFile);
  return { reports, skipped: skipped.sort(byFile) };
};
