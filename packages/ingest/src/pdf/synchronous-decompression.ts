import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

const DECODERS = {
  deflate: inflateSync,
  'deflate-raw': inflateRawSync,
  gzip: gunzipSync,
  brotli: brotliDecompressSync,
} satisfies Record<string, (input: Uint8Array) => Buffer>;

const isFormat = (format: string): format is keyof typeof DECODERS => Object.hasOwn(DECODERS, format);

const bytesOf = (chunk: ArrayBuffer | ArrayBufferView): Uint8Array =>
  chunk instanceof ArrayBuffer
    ? new Uint8Array(chunk)
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * A DecompressionStream that inflates in one synchronous zlib call when its input ends. pdf.js inflates every
 * Flate stream of a page through DecompressionStream; a Chromium-printed PDF draws its Chinese with Type 3 fonts,
 * hundreds of tiny glyph streams a page, and Node's DecompressionStream sends each through the thread pool and
 * three web streams: about two thirds of a page's reading time went there (measured in bench/pdf-pages.bench.ts).
 * The output is the same; input that does not inflate errors the stream as the built-in one does, and pdf.js then
 * inflates it with its own lenient decoder, as before.
 */
export class SynchronousDecompressionStream extends TransformStream<ArrayBuffer | ArrayBufferView, Uint8Array> {
  constructor(format: string) {
    if (!isFormat(format)) throw new TypeError(`Unsupported compression format: ${format}`);
    const decode = DECODERS[format];
    const chunks: Uint8Array[] = [];
    super({
      transform: (chunk) => {
        chunks.push(bytesOf(chunk));
      },
      flush: (controller) => {
        const decoded = decode(Buffer.concat(chunks));
        controller.enqueue(new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength));
      },
    });
  }
}

/**
 * pdf.js (its worker runs in this thread under Node) looks DecompressionStream up as a global: it gets this one.
 * Other code of the process keeps a standard DecompressionStream, only synchronous.
 */
export const installSynchronousDecompression = (): void => {
  if (globalThis.DecompressionStream !== SynchronousDecompressionStream) {
    globalThis.DecompressionStream = SynchronousDecompressionStream;
  }
};
