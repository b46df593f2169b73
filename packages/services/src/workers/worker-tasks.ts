import { parentPort } from 'node:worker_threads';
import type { AnswerEnvelope, TaskEnvelope } from './worker-pool.ts';

/** An answer and the buffers in it to hand back to the parent rather than copy. */
export type Answered<Answer> = { answer: Answer; transfer?: ArrayBuffer[] };

/** The thread's side of a worker pool: answers each task the pool sends, in turn. */
export const answerTasks = <Task, Answer>(answer: (task: Task) => Promise<Answered<Answer>>): void => {
  parentPort?.on('message', ({ id, task }: TaskEnvelope<Task>) => {
    void answer(task).then((answered) =>
      parentPort?.postMessage(
        { id, answer: answered.answer } satisfies AnswerEnvelope<Answer>,
        answered.transfer ?? [],
      ),
    );
  });
};
