import { Worker } from 'node:worker_threads';

/** Tasks for worker threads, each run in whichever thread is free; the answer comes back as a promise. */
export type WorkerPool<Task, Answer> = {
  /** `transfer`: buffers of the task handed over to the thread rather than copied (unusable here afterwards). */
  run: (task: Task, transfer?: readonly ArrayBuffer[]) => Promise<Answer>;
  close: () => Promise<void>;
};

export type WorkerPoolOptions<Task, Answer> = {
  /** The module each thread runs (see `siblingModule`); it answers with `answerTasks` (worker-tasks.ts). */
  module: URL;
  /** Threads at most. They start as tasks arrive (or at once when `warm`) and are kept until the pool is closed. */
  threads: number;
  /** Start every thread now, so that each has loaded its module by the time the first tasks arrive. */
  warm?: boolean;
  /**
   * Tasks handed to a thread before it has answered the previous one (default 1). With 2 a thread finds its next
   * task waiting when it finishes one instead of idling for the round trip through a busy main thread; the thread
   * still runs its tasks one after another (worker-tasks.ts).
   */
  depth?: number;
  /** Each thread's JavaScript heap: a task that needs more ends its thread, not the process. */
  memoryMb: number;
  /** The answer to a task whose thread died under it (out of memory, a crash) or that the closing pool dropped. */
  lost: (task: Task, error: Error) => Answer;
};

/** What goes to a thread and what comes back, matched by id. */
export type TaskEnvelope<Task> = { id: number; task: Task };
export type AnswerEnvelope<Answer> = { id: number; answer: Answer };

type Pending<Task, Answer> = TaskEnvelope<Task> & {
  transfer: readonly ArrayBuffer[];
  resolve: (answer: Answer) => void;
};

// Run from the TypeScript sources (tests, development), a worker thread starts without the parent's TypeScript
// loader: this bootstrap registers tsx, then loads the module, whose imports of other packages must resolve to
// their sources too. Compiled code (dist/) needs neither.
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const SOURCE_EXEC_ARGV = [...process.execArgv, '--conditions=jixiao-source'];

/**
 * The module `name` beside `base` (the caller's import.meta.url): `name.ts` when the caller runs from source,
 * `name.js` when it runs compiled, so a pool finds its worker either way.
 */
export const siblingModule = (name: string, base: string): URL =>
  new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);

/**
 * A bounded set of worker threads, each running one task at a time. A thread that dies (out of memory on a
 * hostile file) answers its task with `lost`, its waiting tasks go to the other threads, and it is replaced by
 * the next task that needs one.
 */
export const createWorkerPool = <Task, Answer>(options: WorkerPoolOptions<Task, Answer>): WorkerPool<Task, Answer> => {
  const queue: Pending<Task, Answer>[] = [];
  /** Each live thread's tasks in the order handed over: the first is the one it is running. */
  const running = new Map<Worker, Pending<Task, Answer>[]>();
  const maxThreads = Math.max(1, options.threads);
  const depth = Math.max(1, options.depth ?? 1);
  let nextId = 0;
  let closed = false;

  const spawn = (): Worker => {
    const fromSource = options.module.pathname.endsWith('.ts');
    const worker = new Worker(fromSource ? BOOTSTRAP : options.module, {
      workerData: { module: options.module.href },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      ...(fromSource ? { execArgv: SOURCE_EXEC_ARGV } : {}),
    });
    running.set(worker, []);
    let failure: Error | null = null;
    worker.on('message', (reply: AnswerEnvelope<Answer>) => {
      const tasks = running.get(worker) ?? [];
      const index = tasks.findIndex((pending) => pending.id === reply.id);
      const [pending] = index >= 0 ? tasks.splice(index, 1) : [];
      pending?.resolve(reply.answer);
      dispatch();
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      const [lost, ...waiting] = running.get(worker) ?? [];
      running.delete(worker);
      lost?.resolve(options.lost(lost.task, failure ?? new Error(`工作线程意外退出（${code}）`)));
      // The tasks queued behind the one that killed the thread never started: another thread runs them.
      queue.unshift(...waiting);
      if (!closed) dispatch();
    });
    return worker;
  };

  /** The thread with the fewest tasks in hand, if it can take one more; else a new thread while there is room. */
  const available = (): Worker | undefined => {
    let best: Worker | undefined;
    for (const [worker, tasks] of running)
      if (tasks.length < depth && (!best || tasks.length < (running.get(best)?.length ?? 0))) best = worker;
    if (best && running.get(best)?.length === 0) return best;
    return running.size < maxThreads ? spawn() : best;
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      const worker = available();
      const pending = worker && queue.shift();
      if (!worker || !pending) return;
      running.get(worker)?.push(pending);
      worker.postMessage({ id: pending.id, task: pending.task } satisfies TaskEnvelope<Task>, [...pending.transfer]);
    }
  };

  if (options.warm) while (running.size < maxThreads) spawn();

  return {
    run: (task, transfer = []) =>
      new Promise<Answer>((resolve) => {
        if (closed) {
          resolve(options.lost(task, new Error('工作线程已关闭')));
          return;
        }
        queue.push({ id: nextId++, task, transfer, resolve });
        dispatch();
      }),
    close: async () => {
      closed = true;
      for (const pending of queue.splice(0)) pending.resolve(options.lost(pending.task, new Error('工作线程已关闭')));
      await Promise.all([...running.keys()].map((worker) => worker.terminate()));
    },
  };
};
