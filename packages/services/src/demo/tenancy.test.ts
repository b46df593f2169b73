import { readFileSync } from 'node:fs';
import {
  countCrossUnitReferences,
  type DatabaseHandle,
  DISTRIBUTION_COLUMN,
  listForeignKeys,
  listTableShapes,
  placementOf,
  sql,
  TABLE_PLACEMENT,
} from '@jixiao/db';
import { createTestDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../accounts/sessions.ts';
import { createServiceContext } from '../context.ts';
import { DEMO_LOGINS, loadDemoData } from './load-demo-data.ts';

const seed = {
  bytes: new Uint8Array(readFileSync(new URL('../../../../fixtures/seed/kaifu-2022.txt', import.meta.url))),
  fileName: 'kaifu-2022.txt',
};

/**
 * The schema as a Citus cluster would need it (db/src/distribution.ts), checked on the migrated catalog and on
 * the rows the use cases write for a whole district's year: every table placed, every distributed table keyed
 * by its unit, and no row pointing at another unit's row.
 */
describe.each(testDatabaseKinds())('tenancy and distribution readiness on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const ctx = createServiceContext(handle.db);
    await loadDemoData(ctx, seed);
    for (const demo of DEMO_LOGINS) await login(ctx, demo.username, demo.password, '192.0.2.1');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('places every table of the schema exactly once', async () => {
    const tables = (await listTableShapes(handle.db)).map((shape) => shape.table);
    expect(tables.filter((table) => placementOf(table) === undefined)).toEqual([]);
    expect(Object.keys(TABLE_PLACEMENT).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it(`gives every distributed table a non-null uuid ${DISTRIBUTION_COLUMN}`, async () => {
    const shapes = await listTableShapes(handle.db);
    const distributed = shapes.filter((shape) => placementOf(shape.table) === 'distributed');
    expect(distributed.length).toBeGreaterThan(5);
    for (const shape of distributed) {
      expect({ table: shape.table, column: shape.distributionColumn }).toEqual({
        table: shape.table,
        column: { type: 'uuid', nullable: false },
      });
    }
  });

  it('has no foreign key Citus would refuse: none from a reference or coordinator table into a distributed one, none out of a distributed table but to reference or distributed tables', async () => {
    const refused = (await listForeignKeys(handle.db)).filter((key) => {
      const from = placementOf(key.table);
      const to = placementOf(key.references);
      return from === 'distributed' ? to === 'coordinator' : to === 'distributed';
    });
    expect(refused).toEqual([]);
  });

  it('writes no row that points at another unit’s row, so every key can carry the unit on both sides', async () => {
    const keys = (await listForeignKeys(handle.db)).filter(
      (key) => placementOf(key.table) === 'distributed' && placementOf(key.references) === 'distributed',
    );
    expect(keys.length).toBeGreaterThan(8);
    const counts: Record<string, number> = {};
    for (const key of keys) {
      counts[`${key.table}.${key.columns.join(',')} → ${key.references}`] = await countCrossUnitReferences(
        handle.db,
        key,
      );
    }
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((key) => [key, 0])));
  });

  it('holds rows in every distributed table, so the check above has something to check', async () => {
    for (const table of Object.keys(TABLE_PLACEMENT).filter((name) => placementOf(name) === 'distributed')) {
      const { rows } = await sql<{ count: string | number }>`SELECT count(*) AS count FROM ${sql.table(table)}`.execute(
        handle.db,
      );
      expect({ table, rows: Number(rows[0]?.count) > 0 }).toEqual({ table, rows: true });
    }
  });
});
