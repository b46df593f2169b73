/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory and JIT state never
 * colour another's, with its default arguments. Each writes its JSON to bench/results/ (method in
 * BENCHMARKS.md). The documents benchmark needs LibreOffice and is skipped when `soffice` is missing; the corpus
 * accuracy benchmark needs the shared corpus beside the clone (or JIXIAO_CORPUS_DIR).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../packages/cli/testing/corpus/corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

const hasCorpus = existsSync(join(corpusDir(), 'expected.json'));

const BENCHES: readonly { file: string; env?: Record<string, string>; needs?: boolean; missing?: string }[] = [
  { file: 'bench/startup.bench.ts' },
  { file: 'bench/engine.bench.ts' },
  { file: 'bench/pdf-pages.bench.ts' },
  { file: 'bench/web-bundle.bench.ts' },
  { file: 'bench/bulk-audit.bench.ts' },
  { file: 'bench/public-api.bench.ts' },
  { file: 'bench/public-api.bench.ts', env: { JIXIAO_BENCH_DATABASE: 'postgres' } },
  { file: 'bench/documents.bench.ts', needs: hasLibreOffice, missing: 'LibreOffice not installed' },
  { file: 'bench/corpus-accuracy.ts', needs: hasCorpus, missing: `no corpus at ${corpusDir()}` },
  { file: 'bench/load.bench.ts' },
  { file: 'bench/open-data.bench.ts' },
];

for (const bench of BENCHES) {
  if (bench.needs === false) {
    console.log(`skipped ${bench.file} (${bench.missing})`);
    continue;
  }
  console.log(`== ${bench.file} ${JSON.stringify(bench.env ?? {})}`);
  execFileSync(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...bench.env },
  });
}
