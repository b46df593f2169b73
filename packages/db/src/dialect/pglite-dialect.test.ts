import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../connect.ts';

describe('PGlite dialect', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite', { migrated: false });
    await sql`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)`.execute(handle.db);
    await sql`INSERT INTO counter VALUES (1, 0)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('serialises concurrent transactions on the single connection, so no increment is lost', async () => {
    const increment = () =>
      handle.db.transaction().execute(async (trx) => {
        const row = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await sql`UPDATE counter SET n = ${(row.rows[0]?.n ?? 0) + 1} WHERE id = 1`.execute(trx);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    const result = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(handle.db);
    expect(result.rows[0]?.n).toBe(20);
  });

  it('rolls back a failed transaction and stays usable', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`UPDATE counter SET n = 999 WHERE id = 1`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const result = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(handle.db);
    expect(result.rows[0]?.n).not.toBe(999);
  });

  it('reports affected rows and returns int8 as numbers', async () => {
    const update = await sql`UPDATE counter SET n = n WHERE id = 1`.execute(handle.db);
    expect(update.numAffectedRows).toBe(1n);
    const big = await sql<{ v: number }>`SELECT 9007199254740991::int8 AS v`.execute(handle.db);
    expect(big.rows[0]?.v).toBe(Number.MAX_SAFE_INTEGER);
  });
});
