import { constants, deflateRawSync } from 'node:zlib';

const MIB = 1024 * 1024;

/**
 * Raw deflate of `size` copies of `byte`, made without ever holding them: one MiB is compressed once, ending
 * in a full flush (which empties the history, so the block stands alone), and repeated; the rest follows as
 * the final block. Deflate's best ratio (~1030:1) is kept, so 5 GiB cost about 5 MB and a few milliseconds.
 */
export const deflatedRun = (size: number, byte = 0x20): Uint8Array => {
  const block = deflateRawSync(Buffer.alloc(MIB, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const whole = Math.floor(size / MIB);
  const tail = deflateRawSync(Buffer.alloc(size - whole * MIB, byte), { level: 9 });
  const out = new Uint8Array(block.length * whole + tail.length);
  for (let index = 0; index < whole; index++) out.set(block, index * block.length);
  out.set(tail, block.length * whole);
  return out;
};

/** One entry as it goes into an archive: its data already compressed (method 8) or stored as is (method 0). */
export type RawEntry = {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  /** What the data inflates to. */
  size: number;
  /** Sizes after the data (streamed zips) instead of in the local header. */
  dataDescriptor?: boolean;
};

const ZIP64 = 0xffffffff;

/**
 * A zip of entries whose compressed data is given, written by hand so that an entry may claim gigabytes:
 * sizes past 4 GiB go in a zip64 extra field, as real writers put them. The CRC is left at 0 — computing it
 * over 5 GiB would cost the test seconds, and a reader that refuses a bomb must do so long before any CRC.
 */
export const zipOf = (entries: readonly RawEntry[]): Uint8Array => {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const large = entry.size >= ZIP64 || entry.data.length >= ZIP64;
    const extra = Buffer.alloc(large ? 20 : 0);
    if (large) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(entry.dataDescriptor ? 0 : entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.dataDescriptor ? 0 : entry.data.length), 12);
    }
    // A streamed entry declares 0, or 0xFFFFFFFF when its descriptor carries zip64 sizes.
    const declared = (value: number) => (large ? ZIP64 : entry.dataDescriptor ? 0 : value);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(large ? 45 : 20, 4);
    local.writeUInt16LE(0x0800 | (entry.dataDescriptor ? 0x0008 : 0), 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(declared(entry.data.length), 18);
    local.writeUInt32LE(declared(entry.size), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    parts.push(local, name, extra, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.length));
    let written = local.length + name.length + extra.length + entry.data.length;
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(large ? 24 : 16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      if (large) {
        descriptor.writeBigUInt64LE(BigInt(entry.data.length), 8);
        descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
      } else {
        descriptor.writeUInt32LE(entry.data.length, 8);
        descriptor.writeUInt32LE(entry.size, 12);
      }
      parts.push(descriptor);
      written += descriptor.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(large ? 45 : 20, 4);
    central.writeUInt16LE(large ? 45 : 20, 6);
    central.writeUInt16LE(local.readUInt16LE(6), 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(large ? ZIP64 : entry.data.length, 20);
    central.writeUInt32LE(large ? ZIP64 : entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    const centralExtra = Buffer.alloc(large ? 28 : 0);
    if (large) {
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(entry.size), 4);
      centralExtra.writeBigUInt64LE(BigInt(entry.data.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(large ? ZIP64 : offset, 42);
    directory.push(central, name, centralExtra);
    offset += written;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directoryBytes, end]));
};

/**
 * A .docx whose word/document.xml inflates to `size` bytes of spaces: the "1 MB Word file" of issue 14 at
 * 1 GiB, 5 MB at 5 GiB.
 */
export const docxBomb = (size: number, options: { dataDescriptor?: boolean } = {}): Uint8Array => {
  const types = new TextEncoder().encode('<?xml version="1.0"?><Types/>');
  return zipOf([
    { name: '[Content_Types].xml', method: 0, data: types, size: types.length },
    { name: 'word/document.xml', method: 8, data: deflatedRun(size), size, ...options },
  ]);
};
