import { detectContainer } from './read-report.ts';

/**
 * Media types an uploaded file may be served as. Only types a browser never runs: nothing here is a script,
 * a page or an image that can carry one (HTML, SVG, XML), so a file served with it cannot act in our origin.
 */
export const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  ole: 'application/x-ole-storage',
  pdf: 'application/pdf',
  // Raster images only (evidence photos and scans): neither carries script, unlike SVG.
  png: 'image/png',
  jpeg: 'image/jpeg',
  utf8: 'text/plain; charset=utf-8',
  utf16le: 'text/plain; charset=utf-16le',
  utf16be: 'text/plain; charset=utf-16be',
  gb18030: 'text/plain; charset=gb18030',
  binary: 'application/octet-stream',
} as const;

export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** The entry names a zip's central directory lists (read, not inflated: nothing is unpacked to name a type). */
const zipEntryNames = (bytes: Uint8Array): string[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latest = bytes.length - 22;
  // The end record sits after the central directory, followed by a comment of at most 65,535 bytes.
  for (let at = latest; at >= Math.max(0, latest - 0xffff); at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const names: string[] = [];
    let offset = view.getUint32(at + 16, true);
    while (offset + 46 <= bytes.length && view.getUint32(offset, true) === CENTRAL_DIRECTORY_ENTRY) {
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      names.push(new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return [];
};

/** An OLE compound file names its streams in UTF-16LE directory entries, each name ended by a NUL. */
const hasOleStream = (bytes: Uint8Array, name: string): boolean => {
  const wanted = [...`${name}\0`].flatMap((char) => [char.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 8 * 1024 * 1024) - wanted.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < wanted.length; j++) if (bytes[i + j] !== wanted[j]) continue outer;
    return true;
  }
  return false;
};

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * What a stored file is, by its content alone: the media type to serve it with. The uploader's declared type
 * and the file's name are never consulted — either may claim `text/javascript` or `.html` for a file that a
 * browser would then run as a script of our origin. Text is always plain text, in the encoding it is in.
 */
export const detectMediaType = (bytes: Uint8Array): MediaType => {
  if (bytes.byteLength === 0) return MEDIA_TYPES.binary;
  // UTF-16 text is full of NULs, which the container check would call binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return MEDIA_TYPES.utf16le;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return MEDIA_TYPES.utf16be;
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return MEDIA_TYPES.png;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return MEDIA_TYPES.jpeg;
  const container = detectContainer(bytes);
  switch (container) {
    case 'zip': {
      const names = zipEntryNames(bytes);
      if (names.includes('word/document.xml')) return MEDIA_TYPES.docx;
      if (names.includes('xl/workbook.xml')) return MEDIA_TYPES.xlsx;
      return MEDIA_TYPES.zip;
    }
    case 'ole':
      if (hasOleStream(bytes, 'Workbook')) return MEDIA_TYPES.xls;
      if (hasOleStream(bytes, 'WordDocument')) return MEDIA_TYPES.doc;
      return MEDIA_TYPES.ole;
    case 'pdf':
      return MEDIA_TYPES.pdf;
    case 'binary':
      return MEDIA_TYPES.binary;
    case 'text':
      return isUtf8(bytes) ? MEDIA_TYPES.utf8 : MEDIA_TYPES.gb18030;
  }
};
