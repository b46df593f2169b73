import { availableParallelism } from 'node:os';
import type { BulkEntry } from '@jixiao/core';
import { createWorkerPool, siblingModule } from '../workers/worker-pool.ts';
import type { AuditTask } from './audit-worker.ts';

/** `ruleSetId` overrides the pool's rule set for one file: the server's one pool serves every upload. */
export type AuditJob = { file: string; path?: string; bytes?: Uint8Array; ruleSetId?: string };

export type AuditPool = {
  /** One entry per form of the file; a file that could not be read is one failure. */
  audit: (job: AuditJob) => Promise<BulkEntry[]>;
  close: () => Promise<void>;
};

/** One worker per CPU by default: reading and scoring are CPU-bound and share nothing. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

/**
 * Worker threads auditing report files, each one file at a time. A thread that dies (out of memory on a
 * hostile file) fails its file with a reason and is replaced; the run goes on.
 */
export const createAuditPool = (jobs: number, ruleSetId: string): AuditPool => {
  const pool = createWorkerPool<AuditTask, BulkEntry[]>({
    module: siblingModule('audit-worker', import.meta.url),
    threads: jobs,
    // Threads load the readers while the caller lists its files; each has its next file waiting when it
    // finishes one, so the threads stay busy however slow the main thread is to hand files out.
    warm: true,
    depth: 2,
    memoryMb: 1024,
    lost: ({ file }, error) => [
      {
        ok: false,
        failure: {
          file,
          formIndex: null,
          code: 'INTERNAL',
          reason: `${file}：处理时出错（${error.message.slice(0, 200)}）`,
        },
      },
    ],
  });
  return {
    // The bytes are handed to the thread, not copied: this thread lets go of each file as it is handed over.
    audit: (job) => pool.run({ ruleSetId, ...job }, job.bytes?.buffer instanceof ArrayBuffer ? [job.bytes.buffer] : []),
    close: pool.close,
  };
};
