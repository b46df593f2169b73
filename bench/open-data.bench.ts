/**
 * Open data at scale (issue 8): GET /api/public/indicators.csv and .json over N published evaluations on
 * PostgreSQL, through the real app on loopback. Measures the time to the first byte, the whole download, its
 * size and the server's peak memory above what it held before the download, for N and for N / 10; the baseline,
 * measured in the same run, is the bare read the export cannot do without: every stored public page, fetched in
 * the same keyset pages and counted, with nothing parsed or written. Writes bench/results/open-data.json.
 *
 *   npx tsx bench/open-data.bench.ts [N=20000]
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Db, sql } from '@jixiao/db';
import { createTestDatabase } from '@jixiao/db/testing';
import { buildApp } from '@jixiao/server';
import { loadPublished } from '../packages/services/testing/published-rows.ts';

const large = Number(process.argv[2] ?? 20_000);
const small = Math.max(1, Math.round(large / 10));

type Download = { firstByteMs: number; totalMs: number; bytes: number; peakRssGrowthMb: number; lines: number };

/** Samples the resident set every 10 ms while `run` goes; the peak above the level when it started. */
const withPeakRss = async <T>(run: () => Promise<T>): Promise<{ value: T; peakGrowthMb: number }> => {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const value = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakGrowthMb: Math.round((peak - before) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
};

const download = async (url: string): Promise<Download> => {
  const { value, peakGrowthMb } = await withPeakRss(async () => {
    const started = performance.now();
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
    let firstByteMs = 0;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    return { firstByteMs, totalMs: performance.now() - started, bytes, lines };
  });
  return {
    firstByteMs: Math.round(value.firstByteMs),
    totalMs: Math.round(value.totalMs),
    bytes: value.bytes,
    lines: value.lines,
    peakRssGrowthMb: peakGrowthMb,
  };
};

/** The floor: every published page's stored JSON in keyset pages of 200, its length added up, nothing more. */
const bareRead = async (db: Db): Promise<{ totalMs: number; bytes: number }> => {
  const started = performance.now();
  let bytes = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ evaluation_id: string; public_view: string }>`
      SELECT evaluation_id, public_view FROM publications
      WHERE unpublished_at IS NULL AND evaluation_id > ${after}::uuid
      ORDER BY evaluation_id LIMIT 200`.execute(db);
    for (const row of rows) bytes += row.public_view.length;
    const last = rows.at(-1);
    if (!last || rows.length < 200) break;
    after = last.evaluation_id;
  }
  return { totalMs: Math.round(performance.now() - started), bytes };
};

const measure = async (count: number) => {
  const handle = await createTestDatabase('postgres');
  try {
    await loadPublished(handle.db, count);
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      await bareRead(handle.db);
      const baseline = await bareRead(handle.db);
      const csv = await download(`${base}/api/public/indicators.csv`);
      const json = await download(`${base}/api/public/indicators.json`);
      return { evaluations: count, baseline, csv, json };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
};

const smallRun = await measure(small);
const largeRun = await measure(large);
const result = {
  date: new Date().toISOString(),
  runs: [smallRun, largeRun],
  csvVsBaseline: Number((largeRun.csv.totalMs / largeRun.baseline.totalMs).toFixed(2)),
  csvTimeGrowth: Number((largeRun.csv.totalMs / smallRun.csv.totalMs).toFixed(2)),
  csvMemoryGrowth: `${smallRun.csv.peakRssGrowthMb} MB → ${largeRun.csv.peakRssGrowthMb} MB`,
};
writeFileSync(new URL('./results/open-data.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
