/**
 * Load test (issue 8): autocannon on loopback against the real server (its own process, PostgreSQL) holding
 * N generated published evaluations, against a bare Fastify route in its own process measured in the same
 * run. Read mixes: the public list (random pages), the public detail (random ids among all N, and among a
 * working set of 1,000), the portal's page (the web app's index.html); write mix: saving drafts
 * (PUT /api/evaluations/:id, each connection its own draft, signed in, with CSRF). Throughput, p50 / p99 and
 * errors; writes bench/results/load.json.
 *
 *   npx tsx bench/load.bench.ts [N=100000] [seconds=10] [connections=100]
 *
 * The write mix runs twice: with WRITERS (20, issue 15's goal: p99 under 300 ms) and with `connections` writers.
 *   JIXIAO_BENCH_PROFILE=/tmp/prof npx tsx bench/load.bench.ts …   (a CPU profile of the app server, too)
 *
 * Needs PostgreSQL (JIXIAO_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test); the database is
 * created for the run and dropped after.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { generateForm } from '@jixiao/core/testing';
import { migrate, openDatabase, sql } from '@jixiao/db';
import { createPostgresDatabase } from '@jixiao/db/testing';
import { createDraft, createOrganization, createServiceContext, createUser } from '@jixiao/services';
import autocannon from 'autocannon';
import { loadPublished } from '../packages/services/testing/published-rows.ts';
import { ensureWebBuild } from '../scripts/ensure-web-build.mjs';
import { spawnServer } from './support/spawn-server.ts';

const count = Number(process.argv[2] ?? 100_000);
const seconds = Number(process.argv[3] ?? 10);
const connections = Number(process.argv[4] ?? 100);
const PASSWORD = 'Load@bench2026';
/** Concurrent writers in issue 15's save goal. */
const WRITERS = 20;

// JIXIAO_BENCH_PROFILE=DIR: the app server writes a V8 CPU profile of the whole run into DIR when it exits.
const profile = process.env['JIXIAO_BENCH_PROFILE'];
const serve = (mode: 'app' | 'bare', port: number, env: Record<string, string>): Promise<ChildProcess> =>
  spawnServer(mode, port, {
    env,
    nodeArgs: mode === 'app' && profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  });

type Measured = { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };

const run = async (options: autocannon.Options): Promise<Measured> => {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
};

const database = await createPostgresDatabase();
const databaseUrl = database.url;
const children: ChildProcess[] = [];
try {
  await ensureWebBuild();
  const handle = await openDatabase({ databaseUrl });
  await migrate(handle.db);
  const loadStart = performance.now();
  const ids = await loadPublished(handle.db, count);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  // The write mix's author: one unit, one filler, a draft per connection.
  const ctx = createServiceContext(handle.db);
  const bureau = await createOrganization(ctx, null, { name: '压测财政局', kind: 'finance_bureau', parentId: null });
  const department = await createOrganization(ctx, null, {
    name: '压测主管部门',
    kind: 'department',
    parentId: bureau.id,
  });
  const unit = await createOrganization(ctx, null, { name: '压测单位', kind: 'budget_unit', parentId: department.id });
  const filler = await createUser(ctx, null, {
    username: 'load.filler',
    displayName: '压测填报员',
    password: PASSWORD,
    roles: [{ organizationId: unit.id, role: 'unit_filler' }],
  });
  const actor = { userId: filler.id, username: filler.username, displayName: filler.displayName, roles: filler.roles };
  const drafts: { id: string; version: number; form: unknown }[] = [];
  for (let index = 0; index < Math.max(WRITERS, connections); index++) {
    const generated = generateForm(50_000 + index);
    const form = { ...generated, fiscalYear: 2025, projectName: `${generated.projectName}（压测${index + 1}）` };
    const view = await createDraft(ctx, actor, { organizationId: unit.id, form });
    drafts.push({ id: view.id, version: view.version, form });
  }
  // Settle the database before measuring: without this, autovacuum wakes for the 100,000 new rows and a
  // checkpoint flushes them in the middle of the read mixes, and the run measures those instead.
  await sql`VACUUM ANALYZE`.execute(handle.db);
  await sql`CHECKPOINT`.execute(handle.db);
  await handle.close();

  const [app, bare] = await Promise.all([serve('app', 3901, { DATABASE_URL: databaseUrl }), serve('bare', 3902, {})]);
  children.push(app, bare);
  const base = 'http://127.0.0.1:3901';

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'load.filler', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
  const listPages = Math.ceil(count / 20);
  const warm = { connections: 10, duration: 2 };
  await autocannon({ url: 'http://127.0.0.1:3902/bare', ...warm });
  await autocannon({ url: `${base}/api/public/evaluations`, ...warm });

  const baseline = await run({ url: 'http://127.0.0.1:3902/bare' });
  const list = await run({
    url: base,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: `/api/public/evaluations?page=${1 + Math.floor(Math.random() * Math.min(listPages, 50))}&pageSize=20`,
        }),
      },
    ],
  });
  const detail = await run({
    url: base,
    requests: [{ setupRequest: (request) => ({ ...request, path: `/api/public/evaluations/${pick(ids)}` }) }],
  });
  // The same route when readers keep to a working set the cache holds (1,000 pages, as a portal's front pages
  // link them): what a page costs once read, against the uniform draw above, where every read is a miss.
  const popular = ids.slice(0, Math.min(ids.length, 1_000));
  const detailPopular = await run({
    url: base,
    requests: [{ setupRequest: (request) => ({ ...request, path: `/api/public/evaluations/${pick(popular)}` }) }],
  });
  const portal = await run({ url: `${base}/` });
  // The floor of this stack: security headers, session and rate-limit hooks, validation and one `SELECT 1`.
  const health = await run({ url: `${base}/api/health` });
  // Saves are sequential per draft (each needs the version the last one returned), which autocannon cannot
  // express (it prepares a connection's next request before the previous answer arrives): a closed loop of
  // `connections` clients, each saving its own draft as soon as its last save is answered.
  const failures = new Map<string, number>();
  const saveDrafts = async (writers: number): Promise<Measured> => {
    const latencies: number[] = [];
    let non2xx = 0;
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const client = async (draft: (typeof drafts)[number]) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          const response = await fetch(`${base}/api/evaluations/${draft.id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ expectedVersion: draft.version, form: draft.form }),
          });
          const body = await response.text();
          if (response.ok) draft.version = (JSON.parse(body) as { version: number }).version;
          else {
            non2xx += 1;
            const key = `${response.status} ${body.slice(0, 120)}`;
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(drafts.slice(0, writers).map(client));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
    return {
      rps: Math.round(latencies.length / elapsed),
      p50: at(0.5),
      p99: at(0.99),
      requests: latencies.length,
      errors,
      non2xx,
    };
  };
  const saveFew = await saveDrafts(WRITERS);
  const save = await saveDrafts(connections);

  const share = (measured: Measured) => Number((measured.rps / baseline.rps).toFixed(3));
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    database: 'postgres',
    evaluations: count,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    seconds,
    connections,
    baseline,
    reads: {
      list: { ...list, rpsVsBaseline: share(list) },
      detail: { ...detail, rpsVsBaseline: share(detail) },
      detailPopular: { ...detailPopular, pages: popular.length, rpsVsBaseline: share(detailPopular) },
      portal: { ...portal, rpsVsBaseline: share(portal) },
      health: { ...health, rpsVsBaseline: share(health) },
    },
    writes: {
      saveDraft: { ...save, writers: connections, rpsVsBaseline: share(save) },
      saveDraftFewWriters: { ...saveFew, writers: WRITERS, rpsVsBaseline: share(saveFew) },
      failures: Object.fromEntries(failures),
    },
  };
  writeFileSync(new URL('./results/load.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database.drop();
}
