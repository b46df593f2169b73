import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from './precompress.ts';

describe('precompressDirectory', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-precompress-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes .br and .gz copies of text assets that decompress to the original, and skips the rest', () => {
    mkdirSync(join(root, 'assets'));
    const script = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `指标${index}`))};`;
    writeFileSync(join(root, 'assets', 'main-abc.js'), script);
    writeFileSync(join(root, 'assets', 'tiny.css'), 'a{}');
    writeFileSync(join(root, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    const written = precompressDirectory(root);

    expect(written.map((file) => file.path)).toEqual([join(root, 'assets', 'main-abc.js')]);
    const [main] = written;
    expect(main && main.brotli < main.bytes / 3).toBe(true);
    const path = join(root, 'assets', 'main-abc.js');
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(script);
    expect(existsSync(join(root, 'assets', 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(root, 'assets', 'logo.png.br'))).toBe(false);
  });
});
