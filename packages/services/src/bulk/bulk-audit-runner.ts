import { performance } from 'node:perf_hooks';
import { AppError, type BulkEntry, DEFAULT_RULE_SET_ID, summarizeBulk } from '@jixiao/core';
import { failBulkAuditJobs, finishBulkAuditJob, markBulkAuditRunning, recordBulkAuditProgress } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { type AuditPool, createAuditPool, defaultJobs } from './audit-pool.ts';
import type { ZipContents } from './reports-in-zip.ts';

/** At most this many uploads held in memory at once (each up to BULK_ZIP_LIMITS.maxTotalBytes of reports). */
export const MAX_ACTIVE_BULK_AUDITS = 4;

/** Progress is written at most this often per job: pollers see it move without a write per file. */
const PROGRESS_INTERVAL_MS = 300;

export const INTERRUPTED_BY_SHUTDOWN = '服务已停止，任务中断，请重新上传';
const FAILED_UNEXPECTEDLY = '批量审核处理失败，请重新上传';

export type BulkAuditRunner = {
  /** Whether another upload may be taken now (MAX_ACTIVE_BULK_AUDITS). */
  hasRoom: () => boolean;
  /** Runs a queued job in the background; its outcome is written to the database, never thrown. */
  start: (jobId: string, contents: ZipContents, ruleSetId: string) => void;
  /** Ends the pool; jobs still running are marked failed with a reason. */
  close: () => Promise<void>;
};

export type BulkAuditRunnerOptions = {
  /** Worker threads of the shared pool; one per CPU by default. */
  jobs?: number;
};

/**
 * The server's one pool of audit workers, created on the first job (a server that never audits in bulk starts
 * no threads) and shared by every job: each job keeps only a few files queued ahead of the workers, so two
 * uploads take turns on the pool instead of one waiting for the other to end.
 */
export const createBulkAuditRunner = (ctx: ServiceContext, options: BulkAuditRunnerOptions = {}): BulkAuditRunner => {
  const jobs = options.jobs ?? defaultJobs();
  let pool: AuditPool | null = null;
  let closed = false;
  const active = new Set<string>();

  const run = async (jobId: string, { reports, skipped }: ZipContents, ruleSetId: string): Promise<void> => {
    pool ??= createAuditPool(jobs, DEFAULT_RULE_SET_ID);
    const shared = pool;
    await markBulkAuditRunning(ctx.db, jobId, ctx.now());
    // Skipped files are listed with the run; a later copy of a file's bytes is marked as a duplicate of the first.
    const entries: BulkEntry[] = skipped.map((failure) => ({ ok: false, failure }));
    const digests = new Map(reports.map((report) => [report.file, report.sha256]));
    // Progress counts report files (the job's total is the zip's reports); the summary counts their forms.
    let done = 0;
    let next = 0;
    let lastWrite = performance.now();
    const feed = async (): Promise<void> => {
      for (let report = reports[next++]; report && !closed; report = reports[next++]) {
        // The pool transfers the bytes to its worker, so this thread lets go of each file as it is handed over.
        entries.push(...(await shared.audit({ file: report.file, bytes: report.bytes, ruleSetId })));
        done += 1;
        if (performance.now() - lastWrite >= PROGRESS_INTERVAL_MS) {
          lastWrite = performance.now();
          await recordBulkAuditProgress(ctx.db, jobId, done);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, jobs) * 2 }, feed));
    if (closed) return;
    await finishBulkAuditJob(ctx.db, jobId, JSON.stringify(summarizeBulk(entries, digests)), ctx.now());
  };

  return {
    hasRoom: () => !closed && active.size < MAX_ACTIVE_BULK_AUDITS,
    start: (jobId, contents, ruleSetId) => {
      if (closed) throw new AppError('INTERNAL', '服务正在停止');
      active.add(jobId);
      void run(jobId, contents, ruleSetId)
        .catch(() => failBulkAuditJobs(ctx.db, jobId, FAILED_UNEXPECTEDLY, ctx.now()).catch(() => 0))
        .finally(() => active.delete(jobId));
    },
    close: async () => {
      closed = true;
      await Promise.all(
        [...active].map((jobId) => failBulkAuditJobs(ctx.db, jobId, INTERRUPTED_BY_SHUTDOWN, ctx.now()).catch(() => 0)),
      );
      await pool?.close();
      pool = null;
    },
  };
};
