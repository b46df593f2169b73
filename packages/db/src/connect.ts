import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './dialect/pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseOptions = {
  /** postgres://… — use PostgreSQL instead of the embedded database. */
  databaseUrl?: string | undefined;
  /**
   * postgres://… of a streaming replica of databaseUrl (DATABASE_READ_URL). Opened beside the primary; the
   * services send the reads that may be a moment stale there (services/replica), never a write.
   */
  readReplicaUrl?: string | undefined;
  /** Where the embedded database keeps its files; default JIXIAO_DATA_DIR or ./data. */
  dataDir?: string | undefined;
  /** An embedded database that lives in memory only (tests, throwaway runs). */
  memory?: boolean | undefined;
  /**
   * With memory: start from this dumped data directory (PGlite's dumpDataDir) instead of an empty cluster.
   * An empty cluster runs initdb, seconds of CPU; tests start every database from one migrated snapshot.
   */
  snapshot?: Blob | undefined;
};

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: DatabaseKind;
  /** Human-readable location for logs; never contains a password. */
  location: string;
  /** The read replica when one was configured (PostgreSQL only). */
  replica: { db: Db; location: string } | null;
  close: () => Promise<void>;
};

const INT8_OID = 20;
const DATE_OID = 1082;

/** A date column (deadlines) stays its 'YYYY-MM-DD' text on both drivers: a Date would shift it by the time zone. */
const keepDateText = (text: string): string => text;

/** int8 as a number when it fits a double exactly (every amount in 分 does), else as the exact string. */
const parseInt8 = (text: string): number | string => {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
};

const int8AsNumber: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? parseInt8
      : oid === DATE_OID
        ? keepDateText
        : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const PGLITE_PARSERS = { [DATE_OID]: keepDateText };

export const resolveDataDir = (dataDir?: string): string =>
  resolve(dataDir ?? process.env['JIXIAO_DATA_DIR'] ?? './data');

const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
};

/** Opens Kysely over PostgreSQL when a URL is given, otherwise over the embedded PGlite. Does not migrate. */
const openPostgres = (url: string, extra: pg.PoolConfig = {}): Db => {
  const pool = new pg.Pool({ connectionString: url, types: int8AsNumber, max: 10, ...extra });
  // An idle client dropped by the server (restart, failover) is discarded by the pool; without a listener
  // its 'error' event would crash the process. Queries in flight still reject to their callers.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};

/** A replica that stops answering must fail fast: the caller then reads from the primary instead. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

export const openDatabase = async (options: DatabaseOptions = {}): Promise<DatabaseHandle> => {
  if (options.databaseUrl) {
    const db = openPostgres(options.databaseUrl);
    const replicaUrl = options.readReplicaUrl;
    const replica = replicaUrl
      ? {
          db: openPostgres(replicaUrl, { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS }),
          location: redactUrl(replicaUrl),
        }
      : null;
    return {
      db,
      kind: 'postgres',
      location: redactUrl(options.databaseUrl),
      replica,
      close: async () => {
        await Promise.all([db.destroy(), replica?.db.destroy()]);
      },
    };
  }
  if (options.readReplicaUrl)
    throw new Error('只读副本（DATABASE_READ_URL）须与 PostgreSQL 主库（DATABASE_URL）一起使用');
  let client: PGlite;
  let location: string;
  if (options.memory) {
    client = await PGlite.create({
      parsers: PGLITE_PARSERS,
      ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    });
    location = 'memory';
  } else {
    const dir = resolve(resolveDataDir(options.dataDir), 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir, { parsers: PGLITE_PARSERS });
    location = dir;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', location, replica: null, close: () => db.destroy() };
};

/** A round trip to the database, for health checks. */
export const pingDatabase = async (db: Db): Promise<void> => {
  await sql`SELECT 1`.execute(db);
};
