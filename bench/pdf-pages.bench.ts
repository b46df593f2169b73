/**
 * PDF text reading cost per page (issue 15 goal: ≤ 20 ms a page). Reads the seed report as Chromium prints it
 * (fixtures/pdf: Chinese drawn with Type 3 fonts, hundreds of small Flate glyph streams a page) with the reader,
 * alternately with pdf.js inflating through Node's built-in DecompressionStream (the baseline: what pdf.js does
 * left alone) and through the reader's synchronous one, in the same process after a warm-up of each.
 * Writes bench/results/pdf-pages.json.
 *
 *   npx tsx bench/pdf-pages.bench.ts [rounds=10]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../packages/ingest/src/pdf/pdf-reader.ts';
import { SynchronousDecompressionStream } from '../packages/ingest/src/pdf/synchronous-decompression.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 10);
const file = join(root, 'fixtures/pdf/kaifu-2022.pdf');
const bytes = new Uint8Array(readFileSync(file));
const BuiltIn = globalThis.DecompressionStream;
/** Page objects in the file (a page tree node is /Type /Pages). */
const PAGES =
  Buffer.from(bytes)
    .toString('latin1')
    .match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/**
 * The reader installs its stream on every read; the baseline swaps the built-in one back in underneath it by
 * making the install a no-op for that read (the global is read by pdf.js at each inflate).
 */
const readOnce = async (decompression: 'built-in' | 'synchronous'): Promise<number> => {
  const started = performance.now();
  const reading = readPdf({ bytes, fileName: 'kaifu-2022.pdf' });
  if (decompression === 'built-in') globalThis.DecompressionStream = BuiltIn;
  const result = await reading;
  const elapsed = performance.now() - started;
  globalThis.DecompressionStream = SynchronousDecompressionStream;
  if (!result.ok) throw new Error(result.error.message);
  return elapsed;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

await readOnce('built-in');
await readOnce('synchronous');
const builtIn: number[] = [];
const synchronous: number[] = [];
for (let round = 0; round < rounds; round++) {
  builtIn.push(await readOnce('built-in'));
  synchronous.push(await readOnce('synchronous'));
}
const result = {
  file: 'fixtures/pdf/kaifu-2022.pdf',
  pages: PAGES,
  rounds,
  builtInDecompressionMsPerPage: Number((median(builtIn) / PAGES).toFixed(1)),
  synchronousDecompressionMsPerPage: Number((median(synchronous) / PAGES).toFixed(1)),
  speedup: Number((median(builtIn) / median(synchronous)).toFixed(2)),
  goalMsPerPage: 20,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/pdf-pages.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));
