/**
 * Bulk audit throughput and memory as a user runs it: the compiled `jixiao audit DIR --jobs N` in a process of its
 * own for every measurement, over a folder of 1,000 mixed reports (Word, Excel, JSON from generated forms, and
 * copies of the seed as text, PDF and a markdown template). Two workers against one in the same run (goal: ≥ 1.7×
 * files per second on two cores), and the peak resident memory (worker threads included) of 100 against 1,000
 * files (goal: ≤ 300 MB and flat). Writes bench/results/bulk-audit.json.
 *
 *   npx tsx bench/bulk-audit.bench.ts [files=1000]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeReportFolder } from '../packages/services/testing/make-report-folder.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const size = Number(process.argv[2] ?? 1000);

/** 96% generated Word/Excel/JSON, 4% copies of the fixtures (a third each text, PDF, markdown). */
const makeMixedFolder = async (dir: string, files: number): Promise<void> => {
  const copies = Math.max(3, Math.round(files * 0.04));
  await makeReportFolder(dir, files - copies, false);
  const sources = ['seed/kaifu-2022.txt', 'pdf/kaifu-2022.pdf', 'markdown/comparator-column.md'];
  for (let index = 0; index < copies; index++) {
    const source = sources[index % sources.length] ?? '';
    copyFileSync(join(root, 'fixtures', source), join(dir, `copy-${index}-${source.split('/').pop()}`));
  }
};

const bin = join(root, 'packages/cli/bin/jixiao.mjs');

/**
 * One audit in its own process, timed and its peak resident set read by GNU time (a process's own high-water
 * mark: one run's memory never carries into the next, as it would in a shared process). The summary goes to a
 * JSON file, so every form's row is built and written as a user's run would.
 */
const measure = (dir: string, jobs: number) => {
  const out = join(dir, '..', `summary-${jobs}.json`);
  // The exit status says whether findings were raised, which the generated reports are made to have.
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, bin, 'audit', dir, '--jobs', String(jobs), '--out', out],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const [seconds = 0, kilobytes = 0] = run.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  const summary = JSON.parse(readFileSync(out, 'utf8')) as { files: number; read: number; failed: number };
  return {
    files: summary.files,
    read: summary.read,
    failed: summary.failed,
    seconds,
    filesPerSecond: Number((summary.files / seconds).toFixed(1)),
    peakRssMb: Math.round(kilobytes / 1024),
  };
};

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-bulk-'));
try {
  const large = join(work, 'large');
  const small = join(work, 'small');
  await makeMixedFolder(large, size);
  await makeMixedFolder(small, Math.round(size / 10));
  // A warm-up so that both measured runs find the files in the page cache and the modules compiled.
  measure(small, 2);
  const oneJob = measure(large, 1);
  const twoJobs = measure(large, 2);
  const smallTwoJobs = measure(small, 2);
  const result = {
    machine: { cpus: availableParallelism(), node: process.version },
    oneJob,
    twoJobs,
    speedup: Number((twoJobs.filesPerSecond / oneJob.filesPerSecond).toFixed(2)),
    speedupGoal: 1.7,
    memory: {
      smallFiles: smallTwoJobs.files,
      smallPeakRssMb: smallTwoJobs.peakRssMb,
      largeFiles: twoJobs.files,
      largePeakRssMb: twoJobs.peakRssMb,
      ratio: Number((twoJobs.peakRssMb / smallTwoJobs.peakRssMb).toFixed(2)),
    },
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/bulk-audit.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}
