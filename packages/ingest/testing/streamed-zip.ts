import { Zip, ZipDeflate } from 'fflate';

/** A zip as streaming writers make it (macOS 压缩, Java): sizes in a data descriptor after each entry. */
export const streamedZip = (files: Record<string, Uint8Array>): Uint8Array => {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [name, bytes] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
};
