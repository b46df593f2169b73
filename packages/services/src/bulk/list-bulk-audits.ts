import { listBulkAuditJobs } from '@jixiao/db';
import type { Actor, ServiceContext } from '../context.ts';
import { assertBulkAuditor, type BulkAuditView, toBulkAuditView } from './bulk-audit-view.ts';

/** How many of a reviewer's jobs are listed: a year's uploads, not an archive. */
const LISTED_JOBS = 50;

/** The actor's own bulk audits, newest first, without their summaries. */
export const listBulkAudits = async (ctx: ServiceContext, actor: Actor): Promise<BulkAuditView[]> => {
  assertBulkAuditor(actor);
  return (await listBulkAuditJobs(ctx.db, actor.userId, LISTED_JOBS)).map(toBulkAuditView);
};
