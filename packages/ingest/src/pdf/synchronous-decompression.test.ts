import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SynchronousDecompressionStream } from './synchronous-decompression.ts';

/** Reads a stream the way pdf.js does: write, close, then iterate the readable side. */
const decompress = async (format: string, chunks: Uint8Array[]): Promise<Uint8Array> => {
  const { readable, writable } = new SynchronousDecompressionStream(format);
  const writer = writable.getWriter();
  const written = (async () => {
    for (const chunk of chunks) await writer.write(chunk);
    await writer.close();
  })();
  // A failed inflate errors both sides: the reading loop reports it; the writer's rejection is the same error.
  written.catch(() => undefined);
  const parts: Uint8Array[] = [];
  for await (const part of readable) parts.push(part);
  await written;
  return new Uint8Array(Buffer.concat(parts));
};

const text = new TextEncoder().encode('项目支出绩效自评表 BT /F1 12 Tf (1434) Tj ET '.repeat(500));

describe('SynchronousDecompressionStream', () => {
  it.each([
    ['deflate', deflateSync],
    ['deflate-raw', deflateRawSync],
    ['gzip', gzipSync],
    ['brotli', brotliCompressSync],
  ] as const)('inflates %s as zlib wrote it, whole or in pieces', async (format, compress) => {
    const compressed = new Uint8Array(compress(text));
    expect(await decompress(format, [compressed])).toEqual(text);
    const pieces = [compressed.subarray(0, 3), compressed.subarray(3, 100), compressed.subarray(100)];
    expect(await decompress(format, pieces)).toEqual(text);
  });

  it('errors the stream on input that does not inflate, as the built-in stream does', async () => {
    const truncated = new Uint8Array(deflateSync(text)).subarray(0, 40);
    await expect(decompress('deflate', [truncated])).rejects.toThrow();
    await expect(decompress('deflate', [new TextEncoder().encode('not compressed')])).rejects.toThrow();
  });

  it('refuses a format it does not know', () => {
    expect(() => new SynchronousDecompressionStream('lzw')).toThrow(TypeError);
  });
});
