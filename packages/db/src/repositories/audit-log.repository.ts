import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import { canonicalJson, sha256Hex } from '../hash.ts';
import type { AuditLogRow } from '../schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  organizationId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

type HashedFields = {
  seq: number;
  organizationId: string | null;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  details: Record<string, unknown>;
};

export const auditEntryHash = (prevHash: string, fields: HashedFields): string =>
  sha256Hex(prevHash + canonicalJson(fields));

const hashedFieldsOf = (row: AuditLogRow): HashedFields => ({
  seq: Number(row.seq),
  organizationId: row.organization_id,
  occurredAt: row.occurred_at.toISOString(),
  actorId: row.actor_id,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  reason: row.reason,
  details: row.details,
});

/**
 * Appends one entry to the hash chain. Must run inside the caller's transaction: the table lock makes
 * concurrent appenders take turns, so the chain never forks.
 */
export const appendAuditEntry = async (db: Db, entry: AuditEntry, now: Date = new Date()): Promise<AuditLogRow> => {
  await sql`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    seq: Number(last?.seq ?? 0) + 1,
    organizationId: entry.organizationId,
    occurredAt: now.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  };
  return db
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      organization_id: fields.organizationId,
      occurred_at: fields.occurredAt,
      actor_id: fields.actorId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      from_status: fields.fromStatus,
      to_status: fields.toStatus,
      reason: fields.reason,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash: auditEntryHash(prevHash, fields),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

/** The most rows one read returns: callers walk the log in pages by `afterSeq`, never all at once. */
export const AUDIT_PAGE_MAX = 1000;

export type AuditFilter = { entityId?: string | undefined; limit: number; afterSeq?: number | undefined };

/** A page of the log in `seq` order after `afterSeq` (keyset; `audit_log_entity_seq_idx` serves one entity's). */
export const listAuditEntries = async (db: Db, filter: AuditFilter): Promise<AuditLogRow[]> => {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
  return query.orderBy('seq').limit(Math.min(filter.limit, AUDIT_PAGE_MAX)).execute();
};

export type AuditVerification =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: number; problem: string };

/** Recomputes every hash from the genesis a page at a time; reports the first entry that does not match. */
export const verifyAuditChain = async (db: Db): Promise<AuditVerification> => {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await listAuditEntries(db, { limit: AUDIT_PAGE_MAX, afterSeq: expectedSeq - 1 });
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { ok: false, checked, brokenAt: seq, problem: `缺少第 ${expectedSeq} 条审计记录` };
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAt: seq, problem: `第 ${seq} 条审计记录的前序哈希与上一条不符` };
      }
      if (auditEntryHash(prevHash, hashedFieldsOf(row)) !== row.hash) {
        return { ok: false, checked, brokenAt: seq, problem: `第 ${seq} 条审计记录的内容与其哈希不符（记录被改动）` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < AUDIT_PAGE_MAX) return { ok: true, checked, lastHash: prevHash };
  }
};
