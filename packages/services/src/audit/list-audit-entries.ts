import { listAuditEntries as listAuditRows } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation } from '../evaluations/evaluation-view.ts';

export type AuditEntryView = {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  hash: string;
};

/** The largest page of one evaluation's trail the API answers; a longer trail is read page after page. */
export const AUDIT_TRAIL_PAGE_MAX = 500;
export const AUDIT_TRAIL_PAGE_DEFAULT = 100;

export type AuditTrailPage = {
  entries: AuditEntryView[];
  /** The `after` that reads the next page, or null when this page is the last. */
  nextAfter: number | null;
};

export type AuditTrailQuery = { limit?: number | undefined; after?: number | undefined };

/** A page of the audit trail of one evaluation (by `seq`, after `after`), for anyone who may see the evaluation. */
export const listEvaluationAudit = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
  { limit = AUDIT_TRAIL_PAGE_DEFAULT, after }: AuditTrailQuery = {},
): Promise<AuditTrailPage> => {
  const tree = await loadOrganizationTree(ctx.db);
  await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const size = Math.max(1, Math.min(limit, AUDIT_TRAIL_PAGE_MAX));
  // One row beyond the page says whether another page follows, without a count over the whole trail.
  const rows = await listAuditRows(ctx.db, { entityId: evaluationId, limit: size + 1, afterSeq: after });
  const entries = rows.slice(0, size).map((row) => ({
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    hash: row.hash,
  }));
  return { entries, nextAfter: rows.length > size ? (entries.at(-1)?.seq ?? null) : null };
};
