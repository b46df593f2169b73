import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../connect.ts';
import {
  AUDIT_PAGE_MAX,
  type AuditEntry,
  appendAuditEntry,
  GENESIS_HASH,
  listAuditEntries,
  verifyAuditChain,
} from './audit-log.repository.ts';

describe.each(testDatabaseKinds())('audit log on %s', (kind) => {
  let handle: DatabaseHandle;
  // Creating and migrating a database can outlast the default hook timeout on a busy machine.
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await handle.close();
  });

  const testEntry = (action: string, entityId = 'e1', details: Record<string, unknown> = {}): AuditEntry => ({
    organizationId: null,
    actorId: null,
    action,
    entityType: 'test',
    entityId,
    details,
  });
  const append = (action: string, details: Record<string, unknown> = {}) =>
    handle.db.transaction().execute((trx) => appendAuditEntry(trx, testEntry(action, 'e1', details)));

  it('verifies an empty chain', async () => {
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, checked: 0, lastHash: GENESIS_HASH });
  });

  it('chains each entry to the previous one, also under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) => append('concurrent', { index, 键: '值' })));
    const rows = await listAuditEntries(handle.db, { limit: 100 });
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows.slice(1).map((row) => row.prev_hash)).toEqual(rows.slice(0, -1).map((row) => row.hash));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 12 });
  });

  it('chains an entry when its transaction commits, in the order the transaction wrote them, and not before', async () => {
    const before = await listAuditEntries(handle.db, { limit: 100 });
    await handle.db.transaction().execute(async (trx) => {
      for (const action of ['first', 'second', 'third']) {
        await appendAuditEntry(trx, testEntry(action, 'e2'));
      }
      expect(await listAuditEntries(trx, { limit: 100 })).toHaveLength(before.length);
    });
    const after = await listAuditEntries(handle.db, { limit: 100 });
    expect(after.slice(before.length).map((row) => [Number(row.seq), row.action])).toEqual([
      [before.length + 1, 'first'],
      [before.length + 2, 'second'],
      [before.length + 3, 'third'],
    ]);
    expect(await handle.db.selectFrom('audit_pending').selectAll().execute()).toEqual([]);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: before.length + 3 });
  });

  it('keeps nothing of a transaction that rolls back, and the chain goes on without a gap', async () => {
    const before = await listAuditEntries(handle.db, { limit: 100 });
    const refusal = new Error('the change is refused');
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await appendAuditEntry(trx, testEntry('rolled.back', 'e3'));
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    await append('after.rollback');
    const after = await listAuditEntries(handle.db, { limit: 100 });
    expect(after.slice(before.length).map((row) => [Number(row.seq), row.action])).toEqual([
      [before.length + 1, 'after.rollback'],
    ]);
    expect(await handle.db.selectFrom('audit_pending').selectAll().execute()).toEqual([]);
  });

  it('fails the commit, keeping neither the entry nor the change it records, when the chain has no head', async () => {
    const before = await listAuditEntries(handle.db, { limit: 100 });
    const head = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await handle.db.deleteFrom('audit_head').execute();
    try {
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await sql`CREATE TABLE audit_probe (id int)`.execute(trx);
          await appendAuditEntry(trx, testEntry('x', 'e4'));
        }),
      ).rejects.toThrow(/审计日志链头缺失/u);
    } finally {
      await handle.db.insertInto('audit_head').values(head).execute();
    }
    expect(await listAuditEntries(handle.db, { limit: 100 })).toHaveLength(before.length);
    const probe = await sql<{ name: string | null }>`SELECT to_regclass('audit_probe')::text AS name`.execute(
      handle.db,
    );
    expect(probe.rows[0]?.name).toBeNull();
  });

  it('refuses updates and deletes', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(handle.db)).rejects.toThrow(/append-only/);
  });

  it('detects an entry altered behind the trigger', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(handle.db);
    await sql`UPDATE audit_log SET reason = '篡改' WHERE seq = 5`.execute(handle.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 5, checked: 4 });
  });
});

describe.each(testDatabaseKinds())('an audit log longer than a page on %s', (kind) => {
  let handle: DatabaseHandle;
  /** Every 10th entry concerns another entity, so one entity's pages skip rows of the log. */
  const TOTAL = 1_250;
  const entityOf = (index: number) => (index % 10 === 9 ? 'other' : 'long');

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await handle.db.transaction().execute(async (trx) => {
      for (let index = 0; index < TOTAL; index += 1) {
        await appendAuditEntry(trx, {
          organizationId: null,
          actorId: null,
          action: 'evaluation.edit',
          entityType: 'evaluation',
          entityId: entityOf(index),
          details: { index },
        });
      }
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('verifies the whole chain across pages', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: TOTAL });
  });

  it('walks one entity by keyset pages, each at most the documented maximum', async () => {
    const expected = Array.from({ length: TOTAL }, (_, index) => index)
      .filter((index) => entityOf(index) === 'long')
      .map((index) => index + 1);
    const seen: number[] = [];
    let afterSeq: number | undefined;
    for (;;) {
      const page = await listAuditEntries(handle.db, { entityId: 'long', limit: 400, afterSeq });
      seen.push(...page.map((row) => Number(row.seq)));
      if (page.length < 400) break;
      afterSeq = Number(page.at(-1)?.seq);
    }
    expect(seen).toEqual(expected);
    expect(await listAuditEntries(handle.db, { limit: 50_000 })).toHaveLength(AUDIT_PAGE_MAX);
  });

  it('finds an entry altered on the second page', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(handle.db);
    await sql`UPDATE audit_log SET details = '{"index": -1}' WHERE seq = 1100`.execute(handle.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, brokenAt: 1100, checked: 1099 });
  });
});
