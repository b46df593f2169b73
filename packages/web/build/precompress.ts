import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/u;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

export type CompressedFile = { path: string; bytes: number; brotli: number; gzip: number };

/**
 * Writes a .br and a .gz copy beside every compressible file of the build, at the highest levels (done once at
 * build time, so the server sends them without compressing per request). A copy that is not smaller is skipped.
 */
export const precompressDirectory = (dir: string): CompressedFile[] =>
  filesUnder(dir)
    .filter((path) => COMPRESSIBLE.test(path) && statSync(path).size >= MIN_BYTES)
    .map((path) => {
      const source = readFileSync(path);
      const brotli = brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
        },
      });
      const gzip = gzipSync(source, { level: 9 });
      if (brotli.byteLength < source.byteLength) writeFileSync(`${path}.br`, brotli);
      if (gzip.byteLength < source.byteLength) writeFileSync(`${path}.gz`, gzip);
      return { path, bytes: source.byteLength, brotli: brotli.byteLength, gzip: gzip.byteLength };
    });

/** Vite plugin: precompress the build output once it is written. */
export const precompress = (): Plugin => {
  let outDir = '';
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDirectory(outDir);
    },
  };
};
