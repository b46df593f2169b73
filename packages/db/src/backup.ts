import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Db } from './connect.ts';
import { resetAuditHead } from './repositories/audit-log.repository.ts';
import type { Database } from './schema.ts';

/**
 * Sign-in throttling is transient: a restored server starts with clean counters. The audit chain's head is
 * derived from the log and set again after a restore; pending audit entries exist only inside a transaction.
 */
type TableName = Exclude<
  keyof Database,
  'schema_migrations' | 'login_failures' | 'login_source_failures' | 'audit_head' | 'audit_pending'
>;

/** Insert order: parents before children. evaluations.current_revision_id is restored in a second pass. */
export const BACKUP_TABLES: readonly TableName[] = [
  'organizations',
  'users',
  'user_roles',
  'password_history',
  'sessions',
  'projects',
  'evaluations',
  'evaluation_revisions',
  'fund_blocks',
  'indicator_results',
  'reviews',
  'publications',
  'rectification_items',
  'appeals',
  'attachments',
  'public_feedback',
  'result_application_policies',
  'result_applications',
  'target_declarations',
  'declaration_actions',
  'monitoring_rounds',
  'monitoring_reports',
  'audit_log',
  'bulk_audit_jobs',
];

const ORDER_BY: Record<TableName, readonly string[]> = {
  organizations: ['created_at', 'id'],
  users: ['id'],
  user_roles: ['user_id', 'organization_id', 'role'],
  password_history: ['user_id', 'seq'],
  sessions: ['id'],
  projects: ['id'],
  evaluations: ['id'],
  evaluation_revisions: ['evaluation_id', 'revision_no'],
  fund_blocks: ['id'],
  indicator_results: ['id'],
  reviews: ['id'],
  publications: ['id'],
  attachments: ['id'],
  rectification_items: ['id'],
  appeals: ['id'],
  public_feedback: ['id'],
  result_application_policies: ['bureau_id', 'fiscal_year'],
  result_applications: ['id'],
  // A revision points at the one it adjusts, always of a lower number: restored first.
  target_declarations: ['organization_id', 'fiscal_year', 'project_name', 'revision_no'],
  declaration_actions: ['id'],
  monitoring_rounds: ['id'],
  monitoring_reports: ['id'],
  audit_log: ['seq'],
  bulk_audit_jobs: ['id'],
};

const JSON_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  evaluation_revisions: ['form', 'result'],
  publications: ['redactions', 'document_hashes'],
  appeals: ['withdrawn_findings'],
  result_application_policies: ['rules'],
  target_declarations: ['form'],
  monitoring_reports: ['report'],
  audit_log: ['details'],
};

type Row = Record<string, unknown>;
type BackupHeader = { format: 'jixiao-backup'; version: 1; migrations: string[]; createdAt: string };
type BackupLine = { table: TableName; row: Row };

const encodeValue = (value: unknown): unknown =>
  value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value;

const decodeValue = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && '$bytes' in value && typeof value.$bytes === 'string'
    ? new Uint8Array(Buffer.from(value.$bytes, 'base64'))
    : value;

/** Parents first, so the self-reference organizations.parent_id is satisfied row by row. */
const parentsFirst = (rows: Row[]): Row[] => {
  const byId = new Map(rows.map((row) => [row['id'], row]));
  const done = new Set<unknown>();
  const ordered: Row[] = [];
  const visit = (row: Row): void => {
    if (done.has(row['id'])) return;
    done.add(row['id']);
    const parent = byId.get(row['parent_id']);
    if (parent) visit(parent);
    ordered.push(row);
  };
  for (const row of rows) visit(row);
  return ordered;
};

// biome-ignore lint/suspicious/noExplicitAny: the table name is dynamic here; rows are copied verbatim.
const untyped = (db: Db): any => db;

const appliedMigrations = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('schema_migrations').select('id').orderBy('id').execute()).map((row) => row.id);

/**
 * A bounded hand-off from a producer running inside a transaction to a consumer outside it: `push` waits while
 * the buffer is full, so a slow reader does not make the backup hold the whole database in memory.
 */
class LineQueue {
  #lines: string[] = [];
  #waitingReader: (() => void) | null = null;
  #waitingWriter: (() => void) | null = null;
  #closed = false;
  #failure: unknown = null;
  #cancelled = false;

  constructor(private readonly highWater: number) {}

  async push(line: string): Promise<void> {
    if (this.#cancelled) throw new Error('备份已取消');
    this.#lines.push(line);
    this.#waitingReader?.();
    if (this.#lines.length >= this.highWater) await new Promise<void>((resolve) => (this.#waitingWriter = resolve));
  }

  close(failure: unknown = null): void {
    this.#closed = true;
    this.#failure = failure;
    this.#waitingReader?.();
  }

  cancel(): void {
    this.#cancelled = true;
    this.#waitingWriter?.();
  }

  async *lines(): AsyncGenerator<string> {
    for (;;) {
      if (this.#lines.length > 0) {
        const batch = this.#lines;
        this.#lines = [];
        const writer = this.#waitingWriter;
        this.#waitingWriter = null;
        writer?.();
        yield* batch;
        continue;
      }
      if (this.#closed) {
        if (this.#failure) throw this.#failure;
        return;
      }
      await new Promise<void>((resolve) => (this.#waitingReader = resolve));
      this.#waitingReader = null;
    }
  }
}

/**
 * Every row of every table as JSON lines: a header line, then one `{table,row}` line per row. All tables are
 * read in one REPEATABLE READ transaction, so a backup taken while others write is a consistent snapshot
 * (every revision's evaluation, every audit entry's predecessor); on PGlite the single connection serialises
 * writers behind it.
 */
export async function* backupDatabase(db: Db): AsyncGenerator<string> {
  const queue = new LineQueue(2000);
  const producer = db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const header: BackupHeader = {
        format: 'jixiao-backup',
        version: 1,
        migrations: await appliedMigrations(trx),
        createdAt: new Date().toISOString(),
      };
      await queue.push(JSON.stringify(header));
      for (const table of BACKUP_TABLES) {
        let query = untyped(trx).selectFrom(table).selectAll();
        for (const column of ORDER_BY[table]) query = query.orderBy(column);
        let rows: Row[] = await query.execute();
        if (table === 'organizations') rows = parentsFirst(rows);
        for (const row of rows) {
          const encoded = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, encodeValue(value)]));
          await queue.push(JSON.stringify({ table, row: encoded } satisfies BackupLine));
        }
      }
    })
    .then(
      () => queue.close(),
      (error: unknown) => queue.close(error),
    );
  try {
    yield* queue.lines();
  } finally {
    queue.cancel();
    await producer;
  }
}

export const writeBackupFile = async (db: Db, file: string): Promise<number> => {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let rows = -1;
  for await (const line of backupDatabase(db)) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    rows += 1;
  }
  out.end();
  await once(out, 'finish');
  return rows;
};

const isEmpty = async (db: Db): Promise<boolean> => {
  for (const table of BACKUP_TABLES) {
    const row = await untyped(db).selectFrom(table).select(untyped(db).fn.countAll().as('count')).executeTakeFirst();
    if (Number(row?.count ?? 0) > 0) return false;
  }
  return true;
};

const BATCH = 200;

/**
 * Restores a backup into a migrated, empty database, in one transaction: either every row comes back or
 * nothing is written.
 */
export const restoreDatabase = async (db: Db, lines: AsyncIterable<string> | Iterable<string>): Promise<number> =>
  db.transaction().execute(async (trx) => {
    if (!(await isEmpty(trx))) throw new Error('恢复备份需要一个空数据库：目标数据库中已有数据');
    let header: BackupHeader | undefined;
    let pending: { table: TableName; rows: Row[] } | undefined;
    const currentRevisions: { id: unknown; current_revision_id: unknown }[] = [];
    let restored = 0;
    const flush = async (): Promise<void> => {
      if (!pending || pending.rows.length === 0) return;
      await untyped(trx).insertInto(pending.table).values(pending.rows).execute();
      restored += pending.rows.length;
      pending.rows = [];
    };
    let lineNo = 0;
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`备份文件第 ${lineNo} 行不是有效的 JSON`);
      }
      if (!header) {
        header = parsed as BackupHeader;
        if (header.format !== 'jixiao-backup' || header.version !== 1) throw new Error('不是 Jixiao 备份文件');
        const applied = await appliedMigrations(trx);
        if (applied.join(',') !== header.migrations.join(',')) {
          throw new Error(
            `备份的数据库版本（${header.migrations.join(', ')}）与目标数据库（${applied.join(', ')}）不一致`,
          );
        }
        continue;
      }
      const { table, row } = parsed as BackupLine;
      if (!BACKUP_TABLES.includes(table)) throw new Error(`备份文件第 ${lineNo} 行：未知的表 ${String(table)}`);
      const values: Row = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, decodeValue(value)]));
      for (const column of JSON_COLUMNS[table] ?? []) values[column] = JSON.stringify(values[column]);
      if (table === 'evaluations' && values['current_revision_id'] !== null) {
        currentRevisions.push({ id: values['id'], current_revision_id: values['current_revision_id'] });
        values['current_revision_id'] = null;
      }
      if (pending?.table !== table) {
        await flush();
        pending = { table, rows: [] };
      }
      pending.rows.push(values);
      if (pending.rows.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error('备份文件为空');
    for (const { id, current_revision_id } of currentRevisions) {
      await untyped(trx).updateTable('evaluations').set({ current_revision_id }).where('id', '=', id).execute();
    }
    await resetAuditHead(trx);
    return restored;
  });

export const restoreBackupFile = async (db: Db, file: string): Promise<number> => {
  const reader = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Take the iterator now: readline drops lines emitted before anyone iterates, and the restore awaits the
  // database before reading its first line.
  const lines = reader[Symbol.asyncIterator]();
  return restoreDatabase(db, { [Symbol.asyncIterator]: () => lines });
};
