/**
 * Public API throughput (issue 4): requests per second and p99 latency of GET /api/public/evaluations (list)
 * and GET /api/public/evaluations/:id (detail) over 10,000 published evaluations, against a bare Fastify
 * route measured in the same run on the same machine. Embedded PGlite by default; JIXIAO_BENCH_DATABASE=postgres
 * runs on a fresh PostgreSQL database (JIXIAO_TEST_PG_URL's server), dropped afterwards.
 *
 *   npx tsx bench/public-api.bench.ts [N=10000] [seconds=5] [concurrency=16]
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@jixiao/db/testing';
import { buildApp } from '@jixiao/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadPublished } from '../packages/services/testing/published-rows.ts';

const count = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 5);
const concurrency = Number(process.argv[4] ?? 16);

type Load = { requests: number; rps: number; p50: number; p99: number; errors: number };

/** Closed-loop load: `concurrency` workers each send a request as soon as their previous one is answered. */
const load = async (base: string, path: () => string): Promise<Load> => {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      const response = await fetch(base + path());
      await response.arrayBuffer();
      if (!response.ok) errors += 1;
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
};

const listen = async (app: FastifyInstance): Promise<string> => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
};

const handle = await createTestDatabase(process.env['JIXIAO_BENCH_DATABASE'] === 'postgres' ? 'postgres' : 'pglite');
const loadStart = performance.now();
const ids = await loadPublished(handle.db, count);
const loadSeconds = (performance.now() - loadStart) / 1000;
const app = await buildApp({ db: handle.db, databaseKind: handle.kind });
const bare = Fastify();
bare.get('/bare', async () => ({ status: 'ok' }));
const [apiBase, bareBase] = await Promise.all([listen(app), listen(bare)]);
let next = 0;
const warm = async (base: string, path: () => string) => {
  for (let i = 0; i < 200; i++) await (await fetch(base + path())).arrayBuffer();
};
const listPath = () => `/api/public/evaluations?page=${(next++ % 50) + 1}&pageSize=20`;
const detailPath = () => `/api/public/evaluations/${ids[next++ % ids.length]}`;
await warm(bareBase, () => '/bare');
await warm(apiBase, listPath);
await warm(apiBase, detailPath);
const baseline = await load(bareBase, () => '/bare');
const list = await load(apiBase, listPath);
const detail = await load(apiBase, detailPath);
await Promise.all([app.close(), bare.close()]);
await handle.close();

const result = {
  date: new Date().toISOString(),
  node: process.version,
  database: handle.kind,
  evaluations: count,
  loadSeconds: Number(loadSeconds.toFixed(1)),
  seconds,
  concurrency,
  baseline,
  list: { ...list, rpsVsBaseline: Number((list.rps / baseline.rps).toFixed(3)) },
  detail: { ...detail, rpsVsBaseline: Number((detail.rps / baseline.rps).toFixed(3)) },
};
writeFileSync(
  new URL(`./results/public-api-${handle.kind}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
