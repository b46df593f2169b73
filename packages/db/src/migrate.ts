import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { sha256Hex } from './hash.ts';

export type Migration = { id: string; sql: string; checksum: string };

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;
/** Any constant: serialises concurrent migrators on one PostgreSQL database. */
const MIGRATION_LOCK_KEY = 7_413_920;

export const loadMigrations = (dir: string = MIGRATIONS_DIR): Migration[] =>
  readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      return { id: name, sql: text, checksum: sha256Hex(text) };
    });

export type MigrationReport = { applied: string[]; alreadyApplied: string[] };

/**
 * Applies pending migrations in one transaction. An applied migration whose file has changed since is an
 * error: migrations are immutable, a change needs a new file.
 */
export const migrate = async (db: Db, migrations: Migration[] = loadMigrations()): Promise<MigrationReport> =>
  db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL)`.execute(trx);
    const done = new Map(
      (await trx.selectFrom('schema_migrations').select(['id', 'checksum']).execute()).map((row) => [
        row.id,
        row.checksum,
      ]),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const checksum = done.get(migration.id);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`数据库迁移 ${migration.id} 在应用后被修改（校验和不符）；迁移文件不可修改，请新增迁移文件`);
        }
        report.alreadyApplied.push(migration.id);
        continue;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ id: migration.id, checksum: migration.checksum, applied_at: new Date() })
        .execute();
      report.applied.push(migration.id);
    }
    return report;
  });
