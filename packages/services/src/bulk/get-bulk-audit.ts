import { currentBulkSummary, type StoredBulkSummary } from '@jixiao/core';
import type { Actor, ServiceContext } from '../context.ts';
import { type BulkAuditDetail, loadOwnBulkAudit, toBulkAuditView } from './bulk-audit-view.ts';

/** One of the actor's jobs: its progress, and the summary once it is done. */
export const getBulkAudit = async (ctx: ServiceContext, actor: Actor, jobId: string): Promise<BulkAuditDetail> => {
  const job = await loadOwnBulkAudit(ctx.db, actor, jobId);
  return {
    ...toBulkAuditView(job),
    summary: job.summary === null ? null : currentBulkSummary(JSON.parse(job.summary) as StoredBulkSummary),
  };
};
