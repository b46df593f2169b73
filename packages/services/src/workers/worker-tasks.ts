import { parentPort } from 'node:worker_threads';
import type { AnswerEnvelope, TaskEnvelope } from './worker-pool.ts';

/** An answer and the buffers in it to hand back to the parent rather than copy. */
export type Answered<Answer> = { answer: Answer; transfer?: ArrayBuffer[] };

/**
 * The thread's side of a worker pool: answers each task the pool sends, in turn. A task handed over while
 * another runs waits for it, so that a thread holds one task's data at a time and a task that kills the thread
 * is the only one lost.
 */
export const answerTasks = <Task, Answer>(answer: (task: Task) => Promise<Answered<Answer>>): void => {
  let previous: Promise<void> = Promise.resolve();
  parentPort?.on('message', ({ id, task }: TaskEnvelope<Task>) => {
    previous = previous.then(async () => {
      const answered = await answer(task);
      parentPort?.postMessage(
        { id, answer: answered.answer } satisfies AnswerEnvelope<Answer>,
        answered.transfer ?? [],
      );
    });
  });
};
