import type { BulkAuditView } from '@jixiao/core';
import { AppError, type Role } from '@jixiao/core';
import { type BulkAuditJob, type BulkAuditJobRow, type Db, findBulkAuditJob } from '@jixiao/db';
import type { Actor } from '../context.ts';

export type { BulkAuditDetail, BulkAuditStatus, BulkAuditView } from '@jixiao/core';

export const toBulkAuditView = (job: BulkAuditJobRow): BulkAuditView => ({
  id: job.id,
  fileName: job.file_name,
  ruleSetId: job.rule_set_id,
  status: job.status,
  done: job.done,
  total: job.total,
  error: job.error,
  createdAt: job.created_at.toISOString(),
  startedAt: job.started_at?.toISOString() ?? null,
  finishedAt: job.finished_at?.toISOString() ?? null,
});

const BULK_AUDIT_ROLES = new Set<Role>(['department_reviewer', 'finance_reviewer']);

/** Bulk audits are the reviewers' tool (主管部门 and 财政局): others are refused outright. */
export const assertBulkAuditor = (actor: Actor): void => {
  if (!actor.roles.some((grant) => BULK_AUDIT_ROLES.has(grant.role)))
    throw new AppError('FORBIDDEN', '只有主管部门和财政局的审核人员可以批量审核');
};

/** A job of the actor's own; anyone else's is reported missing, so ids cannot be probed. */
export const loadOwnBulkAudit = async (db: Db, actor: Actor, id: string): Promise<BulkAuditJob> => {
  assertBulkAuditor(actor);
  const job = await findBulkAuditJob(db, id, actor.userId);
  if (!job) throw new AppError('NOT_FOUND', '批量审核任务不存在');
  return job;
};
