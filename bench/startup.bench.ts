/**
 * Start-up cost of the `jixiao` command as a user meets it: `jixiao audit seed.txt` (read, score and audit one file
 * in a fresh process) against `node -e 0` (Node's own start) measured alternately in the same run, goal ≤ 5×; and
 * 300 copies of the seed given to one call, goal ≤ 1.5 s. Runs the compiled build (run `node scripts/build.mjs`
 * first; `npm run bench` does). Writes bench/results/startup.json.
 *
 *   npx tsx bench/startup.bench.ts [rounds=15]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const bin = join(root, 'packages/cli/bin/jixiao.mjs');
const seed = join(root, 'fixtures/seed/kaifu-2022.txt');

/** Wall time of one process, in milliseconds; a failed run stops the benchmark rather than skewing it. */
const wall = (args: readonly string[]): number => {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: tmpdir(), stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-startup-'));
try {
  const copies = Array.from({ length: 300 }, (_, index) => {
    const path = join(work, `report-${index}.txt`);
    copyFileSync(seed, path);
    return path;
  });
  // Warm-up: the page cache holds Node, the build and the files before anything is timed.
  wall(['-e', '0']);
  wall([bin, 'audit', seed]);
  const node: number[] = [];
  const audit: number[] = [];
  const many: number[] = [];
  for (let round = 0; round < rounds; round++) {
    node.push(wall(['-e', '0']));
    audit.push(wall([bin, 'audit', seed]));
    if (round < 5) many.push(wall([bin, 'audit', ...copies]));
  }
  const result = {
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    rounds,
    nodeMs: Math.round(median(node)),
    auditOneFileMs: Math.round(median(audit)),
    ratio: Number((median(audit) / median(node)).toFixed(2)),
    ratioGoal: 5,
    audit300FilesMs: Math.round(median(many)),
    audit300FilesGoalMs: 1500,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/startup.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}
