import { randomUUID } from 'node:crypto';
import { AppError } from '@jixiao/core';
import { type Attachment, type Db, type EvidenceSubject, insertEvidenceFile, sha256Hex } from '@jixiao/db';
import { detectMediaType, MEDIA_TYPES } from '@jixiao/ingest';
import { MAX_IMPORT_BYTES } from '../evaluations/import-file-into-draft.ts';

/** The same ceiling as a report import: an evidence file is stored whole in the database. */
export const MAX_EVIDENCE_BYTES = MAX_IMPORT_BYTES;

/**
 * What evidence may be, by its bytes: documents, spreadsheets, PDF, photos and scans, plain text. A plain zip is
 * refused: nobody can see what it holds without unpacking it (and a reviewer's machine would), it may hide
 * executables or a zip bomb, and every file a reviewer needs fits one of the types here. A generic OLE file
 * (neither Word nor Excel) and unrecognised binary are refused for the same reason.
 */
export const EVIDENCE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  MEDIA_TYPES.pdf,
  MEDIA_TYPES.png,
  MEDIA_TYPES.jpeg,
  MEDIA_TYPES.docx,
  MEDIA_TYPES.xlsx,
  MEDIA_TYPES.doc,
  MEDIA_TYPES.xls,
  MEDIA_TYPES.utf8,
  MEDIA_TYPES.utf16le,
  MEDIA_TYPES.utf16be,
  MEDIA_TYPES.gb18030,
]);

export const EVIDENCE_TYPES_LABEL = 'PDF、图片（PNG / JPEG）、Word（.docx / .doc）、Excel（.xlsx / .xls）或纯文本';

const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_FILE_NAME = '佐证材料';

/**
 * The name the file is kept and offered under: the last path segment only (a browser may send C:\…\a.pdf),
 * without control or formatting characters (a right-to-left override makes "gpj.exe" read as "exe.jpg"),
 * without the characters Windows refuses in a name, and at most 120 characters with its extension kept.
 */
export const sanitiseEvidenceFileName = (raw: string): string => {
  const lastSegment = raw.split(/[\\/]/u).pop() ?? '';
  const cleaned = lastSegment
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
    .replace(/[:*?"<>|]/gu, '')
    .trim()
    .replace(/^\.+/u, '')
    .trim();
  if (cleaned === '') return FALLBACK_FILE_NAME;
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = cleaned.match(/\.[\p{L}\p{N}]{1,8}$/u)?.[0] ?? '';
  return characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension;
};

export type StoreEvidenceFileInput = {
  organizationId: string;
  evaluationId: string | null;
  subject: EvidenceSubject;
  fileName: string;
  bytes: Uint8Array;
  createdBy: string;
  now: Date;
};

/**
 * Keeps one evidence file (佐证材料) for an indicator row, a 整改 item or an appeal, inside the caller's
 * transaction. It authorises nothing: the calling use case has already checked who may attach to the subject.
 * It applies the upload guards (size, empty, allowed type by content, clean name) and stores the content hash.
 */
export const storeEvidenceFile = async (trx: Db, input: StoreEvidenceFileInput): Promise<Attachment> => {
  if (input.bytes.byteLength === 0)
    throw new AppError('EMPTY_FILE', `文件“${sanitiseEvidenceFileName(input.fileName)}”为空`);
  if (input.bytes.byteLength > MAX_EVIDENCE_BYTES)
    throw new AppError('FILE_TOO_LARGE', `佐证材料不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`);
  // What the bytes are, never what the uploader declared or the name suggests.
  const mediaType = detectMediaType(input.bytes);
  if (!EVIDENCE_MEDIA_TYPES.has(mediaType))
    throw new AppError('UNSUPPORTED_FORMAT', `佐证材料只接受${EVIDENCE_TYPES_LABEL}文件`, { mediaType });
  return insertEvidenceFile(trx, {
    id: randomUUID(),
    organizationId: input.organizationId,
    evaluationId: input.evaluationId,
    subject: input.subject,
    fileName: sanitiseEvidenceFileName(input.fileName),
    mediaType,
    sha256: sha256Hex(input.bytes),
    bytes: input.bytes,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
};
