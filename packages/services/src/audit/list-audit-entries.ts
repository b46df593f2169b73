import { AppError } from '@jixiao/core';
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

/** The audit trail of one evaluation, for anyone who may see the evaluation. */
export const listEvaluationAudit = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<AuditEntryView[]> => {
  const tree = await loadOrganizationTree(ctx.db);
  await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const rows = await listAuditRows(ctx.db, { entityId: evaluationId, limit: 1000 });
  if (rows.length === 1000) throw new AppError('INTERNAL', '审计记录过多，请分页查询');
  return rows.map((row) => ({
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    hash: row.hash,
  }));
};
