import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds } from '../testing/test-database.ts';
import type { DatabaseHandle } from './connect.ts';
import { loadMigrations, migrate } from './migrate.ts';

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(kind, { migrated: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('applies every migration once, then nothing on the next start', async () => {
    const ids = loadMigrations().map((migration) => migration.id);
    expect(await migrate(handle.db)).toEqual({ applied: ids, alreadyApplied: [] });
    expect(await migrate(handle.db)).toEqual({ applied: [], alreadyApplied: ids });
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = loadMigrations().map((migration, index) =>
      index === 0 ? { ...migration, checksum: 'edited' } : migration,
    );
    await expect(migrate(handle.db, edited)).rejects.toThrow(/校验和不符/);
  });

  it('applies a new migration after the existing ones, and rolls back a failing one entirely', async () => {
    const base = loadMigrations();
    const added = { id: '9001_test_note.sql', sql: 'CREATE TABLE test_note (id int);', checksum: 'a' };
    expect((await migrate(handle.db, [...base, added])).applied).toEqual(['9001_test_note.sql']);
    const failing = {
      id: '9002_broken.sql',
      sql: 'CREATE TABLE test_two (id int); SELECT no_such_column;',
      checksum: 'b',
    };
    await expect(migrate(handle.db, [...base, added, failing])).rejects.toThrow();
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((table) => table.name)).not.toContain('test_two');
  });
});
