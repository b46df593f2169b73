import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSampleRows } from '../testing/sample-rows.ts';
import { createTestDatabase, testDatabaseKinds } from '../testing/test-database.ts';
import { BACKUP_TABLES, backupDatabase, restoreBackupFile, restoreDatabase, writeBackupFile } from './backup.ts';
import type { DatabaseHandle, Db } from './connect.ts';
import { appendAuditEntry, listAuditEntries, verifyAuditChain } from './repositories/audit-log.repository.ts';

const dumpAll = async (db: Db): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of backupDatabase(db)) lines.push(line);
  return lines.slice(1);
};

describe.each(testDatabaseKinds())('backup and restore on %s', (kind) => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    await insertSampleRows(source.db);
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every row of every table, bytes and big amounts included', async () => {
    const file = join(dir, 'backup.jsonl');
    const written = await writeBackupFile(source.db, file);
    expect(written).toBeGreaterThanOrEqual(BACKUP_TABLES.length);
    expect(await restoreBackupFile(target.db, file)).toBe(written);
    expect(await dumpAll(target.db)).toEqual(await dumpAll(source.db));
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('continues the restored audit chain from its last entry', async () => {
    const entry = {
      organizationId: null,
      actorId: null,
      action: 'system.restore',
      entityType: 'system',
      entityId: '-',
    };
    await target.db.transaction().execute((trx) => appendAuditEntry(trx, entry));
    const entries = await listAuditEntries(target.db, { limit: 10 });
    expect(entries.map((row) => [row.seq, row.action])).toEqual([
      [1, 'submit'],
      [2, 'return'],
      [3, 'system.restore'],
    ]);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('refuses to restore into a database that already has data, writing nothing', async () => {
    const before = await dumpAll(target.db);
    await expect(restoreBackupFile(target.db, join(dir, 'backup.jsonl'))).rejects.toThrow(/空数据库/);
    expect(await dumpAll(target.db)).toEqual(before);
  });

  it('rolls back entirely when a line is broken half-way', async () => {
    const empty = await createTestDatabase(kind);
    try {
      const lines: string[] = [];
      for await (const line of backupDatabase(source.db)) lines.push(line);
      lines.splice(5, 0, '{ not json');
      await expect(restoreDatabase(empty.db, lines)).rejects.toThrow(/第 6 行/);
      expect(await dumpAll(empty.db)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
