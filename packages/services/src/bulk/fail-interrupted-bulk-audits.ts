import { failBulkAuditJobs } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';

export const INTERRUPTED_BY_RESTART = '服务重启，任务中断，请重新上传';

/**
 * At start-up: a job left queued or running by the previous process will never finish (its files were in that
 * process's memory), so it is marked failed with the reason rather than polled forever. Assumes one server
 * process per database, which is how Jixiao is deployed today. Returns how many jobs were ended.
 */
export const failInterruptedBulkAudits = async (ctx: ServiceContext): Promise<number> =>
  failBulkAuditJobs(ctx.db, null, INTERRUPTED_BY_RESTART, ctx.now());
