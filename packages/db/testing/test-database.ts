import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseKind, type Db, openDatabase } from '../src/connect.ts';
import { PGliteDialect } from '../src/dialect/pglite-dialect.ts';
import { sha256Hex } from '../src/hash.ts';
import { loadMigrations, migrate } from '../src/migrate.ts';
import type { Database } from '../src/schema.ts';

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
const TEMPLATE_PREFIX = 'jixiao_template_';
/** Any constant: serialises the test processes that would build the same template at once. */
const TEMPLATE_LOCK_KEY = 7_413_921;
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
 * What a migrated test database holds depends only on the migrations and the engine: their hash names the
 * snapshot and the template, so a new migration or PGlite release builds new ones and never reuses a stale one.
 */
const schemaKey = (): string => {
  // The package does not export its package.json: read it beside the resolved entry point (…/pglite/dist/…).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json');
  const pgliteVersion = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const migrations = loadMigrations()
    .map((migration) => `${migration.id}:${migration.checksum}`)
    .join('\n');
  return sha256Hex(`${pgliteVersion}\n${migrations}`).slice(0, 16);
};

const SNAPSHOT_DIR = fileURLToPath(new URL('../../../node_modules/.cache/jixiao-test/', import.meta.url));

const buildPgliteSnapshot = async (file: string): Promise<Blob> => {
  const client = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await migrate(db);
    const dump = await client.dumpDataDir('none');
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    // Written aside and renamed: a test process reading the snapshot never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await db.destroy();
  }
};

let pgliteSnapshot: Promise<Blob> | undefined;

/**
 * The data directory of a migrated PGlite, dumped once and kept under node_modules/.cache: opening a database
 * from it skips initdb (seconds of CPU each time) and the migrations. Test processes share the file.
 */
const migratedPgliteSnapshot = (): Promise<Blob> => {
  pgliteSnapshot ??= (async () => {
    const file = join(SNAPSHOT_DIR, `pglite-${schemaKey()}.tar`);
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      return buildPgliteSnapshot(file);
    }
  })();
  return pgliteSnapshot;
};

/**
 * A migrated PostgreSQL database kept as a template (created once, under an advisory lock so parallel test
 * processes build it once); test databases are copied from it instead of being migrated one by one.
 */
const ensurePostgresTemplate = async (client: pg.Client): Promise<string> => {
  const name = `${TEMPLATE_PREFIX}${schemaKey()}`;
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    // Templates of earlier schemas are of no further use; one still being copied from is left for next time.
    const { rows: others } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database d
        WHERE datname LIKE '${TEMPLATE_PREFIX}%' AND datname <> $1
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
      [name],
    );
    for (const { datname } of others) await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const url = new URL(adminUrl());
      url.pathname = `/${building}`;
      const opened = await openDatabase({ databaseUrl: url.toString() });
      try {
        await migrate(opened.db);
      } finally {
        await opened.close();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
  return name;
};

/**
 * A fresh, empty PostgreSQL database on the test server, by URL: for a test or benchmark that hands it to a server
 * in another process. `drop` removes it (a killed run's is dropped by a later run once stale).
 */
export const createPostgresDatabase = async ({
  migrated = false,
}: {
  migrated?: boolean;
} = {}): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = newDatabaseName();
  await withAdmin(async (client) => {
    await dropStaleDatabases(client);
    const template = migrated ? ` TEMPLATE ${await ensurePostgresTemplate(client)}` : '';
    await client.query(`CREATE DATABASE ${name}${template}`);
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
  if (kind === 'pglite') {
    return openDatabase({ memory: true, snapshot: migrated ? await migratedPgliteSnapshot() : undefined });
  }
  const database = await createPostgresDatabase({ migrated });
  const opened = await openDatabase({ databaseUrl: database.url });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await database.drop();
    },
  };
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
