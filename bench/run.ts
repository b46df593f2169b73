/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory and JIT state never
 * colour another's, with its default arguments. Each writes its JSON to bench/results/ (method in
 * BENCHMARKS.md). The documents benchmark needs LibreOffice and is skipped when `soffice` is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasLibreOffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;

const BENCHES: readonly { file: string; env?: Record<string, string>; needs?: boolean }[] = [
  { file: 'bench/engine.bench.ts' },
  { file: 'bench/web-bundle.bench.ts' },
  { file: 'bench/bulk-audit.bench.ts' },
  { file: 'bench/public-api.bench.ts' },
  { file: 'bench/public-api.bench.ts', env: { JIXIAO_BENCH_DATABASE: 'postgres' } },
  { file: 'bench/documents.bench.ts', needs: hasLibreOffice },
  { file: 'bench/load.bench.ts' },
  { file: 'bench/open-data.bench.ts' },
];

for (const bench of BENCHES) {
  if (bench.needs === false) {
    console.log(`skipped ${bench.file} (LibreOffice not installed)`);
    continue;
  }
  console.log(`== ${bench.file} ${JSON.stringify(bench.env ?? {})}`);
  execFileSync(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...bench.env },
  });
}
