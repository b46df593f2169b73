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
 * Appends one entry to the hash chain, in one statement: the chain's head row advances (its row lock makes
 * concurrent appenders take turns until the holder commits, and a waiter then reads the head it committed), the
 * database hashes the previous hash with the entry's canonical JSON around the `seq` it assigns, and the entry is
 * inserted. Must run inside the caller's transaction, so the entry commits with the change it records. Every save
 * of the system queues on that row lock until its commit, so the statement holds it for one round trip, not three.
 */
export const appendAuditEntry = async (db: Db, entry: AuditEntry, now: Date = new Date()): Promise<AuditLogRow> => {
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
  const { rows } = await sql<AuditLogRow>`
    WITH head AS (
      UPDATE audit_head
         SET seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || ${before}::text || (seq + 1)::text || ${after}::text, 'UTF8')), 'hex')
       RETURNING seq, prev_hash, hash
    )
    INSERT INTO audit_log (seq, organization_id, occurred_at, actor_id, action, entity_type, entity_id,
                           from_status, to_status, reason, details, prev_hash, hash)
    SELECT head.seq, ${fields.organizationId}::uuid, ${fields.occurredAt}::timestamptz, ${fields.actorId}::uuid,
           ${fields.action}::text, ${fields.entityType}::text, ${fields.entityId}::text, ${fields.fromStatus}::text,
           ${fields.toStatus}::text, ${fields.reason}::text, ${JSON.stringify(fields.details)}::jsonb,
           head.prev_hash, head.hash
    FROM head
    RETURNING *`.execute(db);
  const appended = rows[0];
  if (!appended) throw new Error('审计日志链头缺失（audit_head 无记录）');
  return appended;
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
