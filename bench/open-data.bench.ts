/**
 * Open data at scale (issue 8): GET /api/public/indicators.csv and .json over N published evaluations on
 * PostgreSQL, from the real server in its own process on loopback. Measures the time to the first byte, the whole
 * download, its size and the server's peak resident memory above what it held before the download (VmHWM, reset
 * through /proc/PID/clear_refs), for N and for N / 10, and the CSV again from a server whose heap is held to
 * 96 MB (it must finish: the export keeps nothing); the baseline,
 * measured in the same run, is the bare read the export cannot do without: every stored public page, fetched in
 * the same keyset pages and counted, with nothing parsed or written. Writes bench/results/open-data.json.
 *
 *   npx tsx bench/open-data.bench.ts [N=20000]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Db, migrate, openDatabase, sql } from '@jixiao/db';
import { createPostgresDatabase } from '@jixiao/db/testing';
import { loadPublished } from '../packages/services/testing/published-rows.ts';
import { spawnServer } from './support/spawn-server.ts';

const large = Number(process.argv[2] ?? 20_000);
const small = Math.max(1, Math.round(large / 10));
const PORT = 3911;
const HEAP_CAP_MB = 96;
type Download = { firstByteMs: number; totalMs: number; bytes: number; lines: number; serverPeakRssGrowthMb: number };

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return Number(line?.replace(/\D+/gu, '') ?? 0);
};

/** One download, counting bytes and lines; the server's peak resident memory above its level before it. */
const download = async (pid: number, url: string): Promise<Download> => {
  // Writing 5 to clear_refs resets the process's peak resident set (VmHWM) to what it holds now.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = statusKb(pid, 'VmRSS');
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines += 1;
  }
  const totalMs = performance.now() - started;
  return {
    firstByteMs: Math.round(firstByteMs),
    totalMs: Math.round(totalMs),
    bytes,
    lines,
    serverPeakRssGrowthMb: Math.round((statusKb(pid, 'VmHWM') - before) / 1024),
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
  const database = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: database.url });
  try {
    await migrate(handle.db);
    await loadPublished(handle.db, count);
    // Settled first, as in the load benchmark: no autovacuum or checkpoint in the middle of a download.
    await sql`VACUUM ANALYZE`.execute(handle.db);
    await sql`CHECKPOINT`.execute(handle.db);
    await bareRead(handle.db);
    const baseline = await bareRead(handle.db);
    const base = `http://127.0.0.1:${PORT}`;
    const withServer = async <T>(nodeArgs: string[], run: (pid: number) => Promise<T>): Promise<T> => {
      const server = await spawnServer('app', PORT, { env: { DATABASE_URL: database.url }, nodeArgs });
      try {
        // A first download warms the server's code paths and the database's cache, as the baseline's first read did.
        await download(server.pid ?? 0, `${base}/api/public/indicators.csv?year=2024`);
        return await run(server.pid ?? 0);
      } finally {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.once('exit', resolve));
      }
    };
    const { csv, json } = await withServer([], async (pid) => ({
      csv: await download(pid, `${base}/api/public/indicators.csv`),
      json: await download(pid, `${base}/api/public/indicators.json`),
    }));
    // V8 lets its heap grow before collecting, so peak memory rises with what passed through. With the heap held
    // to 96 MB the same export must still complete: nothing is retained, what grew above was garbage.
    const csvHeapCapped = await withServer([`--max-old-space-size=${HEAP_CAP_MB}`], (pid) =>
      download(pid, `${base}/api/public/indicators.csv`),
    );
    return { evaluations: count, baseline, csv, json, csvHeapCapped };
  } finally {
    await handle.close();
    await database.drop();
  }
};

const smallRun = await measure(small);
const largeRun = await measure(large);
const result = {
  date: new Date().toISOString(),
  runs: [smallRun, largeRun],
  csvVsBaseline: Number((largeRun.csv.totalMs / largeRun.baseline.totalMs).toFixed(2)),
  csvTimeGrowth: Number((largeRun.csv.totalMs / smallRun.csv.totalMs).toFixed(2)),
  csvHeapCappedVsBaseline: Number((largeRun.csvHeapCapped.totalMs / largeRun.baseline.totalMs).toFixed(2)),
  serverPeakMemoryGrowth: `${smallRun.csv.serverPeakRssGrowthMb} MB → ${largeRun.csv.serverPeakRssGrowthMb} MB (CSV), ${smallRun.json.serverPeakRssGrowthMb} MB → ${largeRun.json.serverPeakRssGrowthMb} MB (JSON); heap held to ${HEAP_CAP_MB} MB: ${smallRun.csvHeapCapped.serverPeakRssGrowthMb} MB → ${largeRun.csvHeapCapped.serverPeakRssGrowthMb} MB (CSV)`,
};
writeFileSync(new URL('./results/open-data.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
