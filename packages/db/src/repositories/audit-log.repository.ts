import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import { canonicalJson, canonicalJsonAround, sha256Hex } from '../hash.ts';
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
 * Records one entry in the caller's transaction; it joins the hash chain when that transaction commits
 * (0019_audit_append_at_commit.sql), so the entry commits with the change it records, or neither does.
 *
 * The chain's head row is the one lock every change of the system queues on. Advancing it here, mid-transaction,
 * held it across the rest of the caller's transaction and a round trip to COMMIT while every other writer
 * waited. The entry is written to audit_pending instead, and a deferred trigger moves it into audit_log at
 * COMMIT: the head advances (a writer that waited reads the head its predecessor committed), the database hashes
 * the previous hash with the entry's canonical JSON around the `seq` it assigns, and the lock is released with
 * the commit. Entries of one transaction keep their order. Within the transaction the entry is not yet in
 * audit_log.
 */
export const appendAuditEntry = async (db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> => {
  const fields: Omit<HashedFields, 'seq'> = {
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
  const { before, after } = canonicalJsonAround(fields, 'seq' satisfies keyof HashedFields);
  await db
    .insertInto('audit_pending')
    .values({
      organization_id: fields.organizationId,
      occurred_at: now,
      actor_id: fields.actorId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      from_status: fields.fromStatus,
      to_status: fields.toStatus,
      reason: fields.reason,
      details: JSON.stringify(fields.details),
      canonical_before: before,
      canonical_after: after,
    })
    .execute();
};

/**
 * Points the chain's head at the last entry of the log: after a restore has inserted entries directly, the next
 * append continues from them.
 */
export const resetAuditHead = async (db: Db): Promise<void> => {
  await sql`
    UPDATE audit_head
       SET seq = coalesce(last.seq, 0),
           hash = coalesce(last.hash, ${GENESIS_HASH}),
           prev_hash = coalesce(last.prev_hash, ${GENESIS_HASH})
      FROM (SELECT 1) AS one
      LEFT JOIN (SELECT seq, hash, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS last ON true`.execute(db);
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
