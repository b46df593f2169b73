import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BulkEntry } from '@jixiao/core';
import type { AuditAnswer, AuditTask } from './audit-worker.ts';

/** `ruleSetId` overrides the pool's rule set for one file: the server's one pool serves every upload. */
export type AuditJob = { file: string; path?: string; bytes?: Uint8Array; ruleSetId?: string };

export type AuditPool = {
  audit: (job: AuditJob) => Promise<BulkEntry>;
  close: () => Promise<void>;
};

const WORKER_URL = new URL('./audit-worker.mjs', import.meta.url);

/** One worker per CPU by default: reading and scoring are CPU-bound and share nothing. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

type Slot = { worker: Worker; busy: boolean };
type Pending = { task: AuditTask; resolve: (entry: BulkEntry) => void };

/**
 * A fixed set of worker threads auditing report files, one file per worker at a time. A worker that dies
 * (out of memory on a hostile file) fails its file with a reason and is replaced; the run goes on.
 */
export const createAuditPool = (jobs: number, ruleSetId: string): AuditPool => {
  const queue: Pending[] = [];
  const running = new Map<Worker, Pending>();
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy) continue;
      const pending = queue.shift();
      if (!pending) return;
      slot.busy = true;
      running.set(slot.worker, pending);
      const transfer = pending.task.bytes ? [pending.task.bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage(pending.task, transfer);
    }
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (answer: AuditAnswer) => {
      const pending = running.get(worker);
      running.delete(worker);
      slot.busy = false;
      if (pending && pending.task.id === answer.id) pending.resolve(answer.entry);
      dispatch();
    });
    worker.on('error', (error) => {
      const pending = running.get(worker);
      running.delete(worker);
      if (pending) {
        const file = pending.task.file;
        pending.resolve({
          ok: false,
          failure: { file, code: 'INTERNAL', reason: `${file}：处理时出错（${error.message.slice(0, 200)}）` },
        });
      }
    });
    worker.on('exit', () => {
      if (closed) return;
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1, spawn());
      dispatch();
    });
    return slot;
  };

  for (let index = 0; index < Math.max(1, jobs); index++) slots.push(spawn());

  return {
    audit: (job) =>
      new Promise<BulkEntry>((resolve) => {
        queue.push({ task: { id: nextId++, ruleSetId, ...job }, resolve });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
};
