import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseKind, type Db, openDatabase } from '../src/connect.ts';
import { migrate } from '../src/migrate.ts';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The databases the suites run on: both by default; JIXIAO_TEST_DATABASES=pglite (or postgres) narrows it
 * for a quick local run. CI runs both.
 */
export const testDatabaseKinds = (): DatabaseKind[] => {
  const wanted = process.env['JIXIAO_TEST_DATABASES'];
  const all: DatabaseKind[] = ['pglite', 'postgres'];
  if (!wanted) return all;
  return all.filter((kind) => wanted.split(',').includes(kind));
};

const adminUrl = (): string => process.env['JIXIAO_TEST_PG_URL'] ?? DEFAULT_ADMIN_URL;

const PREFIX = 'jixiao_test_';
/** A test database left behind by a killed run is dropped by a later run once it is this old. */
const STALE_SECONDS = 6 * 3600;

/** Names carry their creation time (jixiao_test_<unix seconds>_<random>) so stale ones can be recognised. */
const newDatabaseName = (): string => `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;

const dropStaleDatabases = async (client: pg.Client): Promise<void> => {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database d
      WHERE datname LIKE '${PREFIX}%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
  );
  const cutoff = Date.now() / 1000 - STALE_SECONDS;
  for (const { datname } of rows) {
    const created = Number(/^jixiao_test_(\d+)_[0-9a-f]+$/.exec(datname)?.[1]);
    if (Number.isFinite(created) && created < cutoff) await client.query(`DROP DATABASE IF EXISTS ${datname}`);
  }
};

const withAdmin = async (run: (client: pg.Client) => Promise<void>): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
};

/**
 * A fresh, empty PostgreSQL database on the test server, by URL: for a test or benchmark that hands it to a server
 * in another process. `drop` removes it (a killed run's is dropped by a later run once stale).
 */
export const createPostgresDatabase = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = newDatabaseName();
  await withAdmin(async (client) => {
    await dropStaleDatabases(client);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
};

/** An empty database (in-memory PGlite, or a fresh PostgreSQL database dropped on close), optionally migrated. */
export const createTestDatabase = async (
  kind: DatabaseKind,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<DatabaseHandle> => {
  let handle: DatabaseHandle;
  if (kind === 'pglite') {
    handle = await openDatabase({ memory: true });
  } else {
    const database = await createPostgresDatabase();
    const opened = await openDatabase({ databaseUrl: database.url });
    handle = {
      ...opened,
      close: async () => {
        await opened.close();
        await database.drop();
      },
    };
  }
  if (migrated) await migrate(handle.db);
  return handle;
};

/**
 * Rewrites a stored revision's form behind the immutability trigger: what an older release, or a damaged restore,
 * may have left in a row, for the tests that read stored forms back.
 */
export const overwriteStoredForm = async (db: Db, revisionId: string, form: unknown): Promise<void> => {
  await sql`ALTER TABLE evaluation_revisions DISABLE TRIGGER evaluation_revisions_immutable`.execute(db);
  await sql`UPDATE evaluation_revisions SET form = ${JSON.stringify(form)}::jsonb WHERE id = ${revisionId}`.execute(db);
  await sql`ALTER TABLE evaluation_revisions ENABLE TRIGGER evaluation_revisions_immutable`.execute(db);
};
