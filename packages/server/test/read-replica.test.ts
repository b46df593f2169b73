import { readFileSync } from 'node:fs';
import { type DatabaseHandle, migrate, openDatabase, sql } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { type PostgresPair, postgresBinDir, startPostgresPair } from '@jixiao/db/testing/postgres-pair';
import {
  createServiceContext,
  DEMO_PASSWORD,
  findActorByUsername,
  loadDemoData,
  publishEvaluation,
  type ServiceContext,
} from '@jixiao/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { CSRF_HEADER } from '../src/http/session.ts';

const SEED_REPORT = new URL('../../../fixtures/seed/kaifu-2022.txt', import.meta.url);

type Health = { replica?: { state: string; lagBytes: number | null } };
type PublicList = { items: { id: string; projectName: string }[]; total: number };

const runs = postgresBinDir() !== null && testDatabaseKinds().includes('postgres');

/**
 * A primary and a streaming replica, each a PostgreSQL server this test starts on loopback. "The server" is
 * the app under test, built with both; "another server" is a second process's view of the same primary (its
 * own handle, no replica, so its publications do not fence this server's reads).
 */
describe.skipIf(!runs)('reads from a streaming replica (PostgreSQL primary + replica on loopback)', () => {
  let pair: PostgresPair;
  let server: DatabaseHandle;
  let other: DatabaseHandle;
  let app: FastifyInstance;
  let otherCtx: ServiceContext;
  let approved: string[];
  // The public answers are cached for a few seconds per key: each read below asks with a page size of its
  // own, so it reaches the database.
  let pageSize = 20;
  const publicIds = async (): Promise<string[]> => {
    pageSize += 1;
    const response = await app.inject({ method: 'GET', url: `/api/public/evaluations?pageSize=${pageSize}` });
    expect(response.statusCode).toBe(200);
    return response.json<PublicList>().items.map((item) => item.id);
  };
  const health = async (): Promise<NonNullable<Health['replica']>> => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const replica = response.json<Health>().replica;
    if (!replica) throw new Error('health has no replica status');
    return replica;
  };
  /** Polls the replica's probe (run every second by the server) until it reports the state. */
  const replicaBecomes = async (state: string, extra: (lag: number | null) => boolean = () => true) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const current = await health();
      if (current.state === state && extra(current.lagBytes)) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`replica never became ${state}: ${JSON.stringify(await health())}`);
  };
  const publishAsOther = async (evaluationId: string) => {
    const actor = await findActorByUsername(otherCtx, 'caizheng.reviewer');
    await publishEvaluation(otherCtx, actor, { evaluationId });
  };

  beforeAll(async () => {
    pair = await startPostgresPair();
    other = await openDatabase({ databaseUrl: pair.primaryUrl });
    await migrate(other.db);
    otherCtx = createServiceContext(other.db);
    await loadDemoData(otherCtx, { bytes: new Uint8Array(readFileSync(SEED_REPORT)), fileName: 'kaifu-2022.txt' });
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM evaluations WHERE status = 'approved' ORDER BY id`.execute(other.db);
    approved = rows.map((row) => row.id);
    server = await openDatabase({ databaseUrl: pair.primaryUrl, readReplicaUrl: pair.replicaUrl });
    if (!server.replica) throw new Error('no replica handle');
    app = await buildApp({ db: server.db, databaseKind: 'postgres', replica: server.replica.db });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await other?.close();
    await pair?.close();
  });

  it('has an approved evaluation left to publish in the demo data', () => {
    expect(approved).toHaveLength(1);
  });

  it('serves the public list from the replica once it has caught up', async () => {
    await replicaBecomes('ready', (lag) => lag === 0);
    expect((await publicIds()).length).toBeGreaterThan(0);
  });

  it('shows what another server published only when the replica has replayed it', async () => {
    const [first] = approved;
    if (!first) throw new Error('no approved evaluation');
    await pair.pauseReplay();
    await publishAsOther(first);
    await replicaBecomes('ready', (lag) => (lag ?? 0) > 0);
    // Behind by a few kilobytes: still within the allowed lag, so the replica answers — without it.
    expect(await publicIds()).not.toContain(first);
    const detail = await app.inject({ method: 'GET', url: `/api/public/evaluations/${first}` });
    expect(detail.statusCode).toBe(404);
    await pair.resumeReplay();
    await replicaBecomes('ready', (lag) => lag === 0);
    expect(await publicIds()).toContain(first);
  });

  it('withdraws its own unpublished evaluation at once, though the replica has not replayed it yet', async () => {
    const [first] = approved;
    if (!first) throw new Error('no approved evaluation');
    await pair.pauseReplay();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'caizheng.reviewer', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const unpublished = await app.inject({
      method: 'POST',
      url: `/api/evaluations/${first}/unpublish`,
      payload: { reason: '更正数据' },
      headers: {
        cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
        [CSRF_HEADER]: login.json<{ csrfToken: string }>().csrfToken,
      },
    });
    expect(unpublished.statusCode).toBe(200);
    // This server's unpublish fences its public reads: the primary answers until the replica has replayed it.
    expect(await publicIds()).not.toContain(first);
    expect((await app.inject({ method: 'GET', url: `/api/public/evaluations/${first}` })).statusCode).toBe(404);
    expect((await health()).state).toBe('lagging');
    await pair.resumeReplay();
    await replicaBecomes('ready', (lag) => lag === 0);
    expect(await publicIds()).not.toContain(first);
  });

  it('keeps answering from the primary while the replica is down, and returns to it when it is back', async () => {
    await pair.stopReplica();
    expect((await publicIds()).length).toBeGreaterThan(0);
    await replicaBecomes('unreachable');
    const open = await app.inject({ method: 'GET', url: '/api/public/indicators.json' });
    expect(open.statusCode).toBe(200);
    await pair.startReplica();
    await replicaBecomes('ready', (lag) => lag === 0);
    expect((await publicIds()).length).toBeGreaterThan(0);
  });
});
