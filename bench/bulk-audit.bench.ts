/**
 * Bulk audit throughput and memory: a folder of 1,000 mixed reports (Word, Excel, JSON from generated forms,
 * and copies of the seed as text, PDF and a markdown template) audited with --jobs 1 and --jobs 2 in the same
 * run (goal: ≥ 1.7× files per second on two cores), and the peak resident memory of auditing 100 against
 * 1,000 files (goal: flat — the run keeps compact rows, not files). Writes bench/results/bulk-audit.json.
 *
 *   npx tsx bench/bulk-audit.bench.ts [files=1000]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFolder } from '@jixiao/services';
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

/** Runs one audit, sampling this process's resident memory (worker threads included) every 20 ms. */
const measure = async (dir: string, jobs: number) => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const summary = await auditFolder({ dir, recursive: false, jobs, ruleSetId: 'national-2020' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return {
    files: summary.files,
    read: summary.read,
    failed: summary.failed,
    seconds: Number(seconds.toFixed(2)),
    filesPerSecond: Number((summary.files / seconds).toFixed(1)),
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
};

const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-bulk-'));
try {
  const large = join(work, 'large');
  const small = join(work, 'small');
  await makeMixedFolder(large, size);
  await makeMixedFolder(small, Math.round(size / 10));
  // A warm-up so that both measured runs find the files in the page cache and the modules compiled.
  await measure(small, 2);
  const oneJob = await measure(large, 1);
  const twoJobs = await measure(large, 2);
  const smallTwoJobs = await measure(small, 2);
  const result = {
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
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
