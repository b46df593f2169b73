import { AppError } from '@jixiao/core';
import type { ImportResult, ReportInput } from '@jixiao/ingest';
import type { ZipContents } from '../bulk/reports-in-zip.ts';
import { createWorkerPool, siblingModule } from '../workers/worker-pool.ts';
import type { Refusal, UploadAnswer, UploadTask } from './upload-worker.ts';

/**
 * The server's readers of uploaded files, off its main thread: a file that is slow or costly to read (or built
 * to be) holds up one worker thread, while the server goes on answering everyone else.
 */
export type UploadReaders = {
  readReport: (input: ReportInput) => Promise<ImportResult>;
  reportsInZip: (bytes: Uint8Array, fileName: string) => Promise<ZipContents>;
  close: () => Promise<void>;
};

export type UploadReaderOptions = {
  /** Uploads read at once; more wait their turn (the routes' rate limits bound how many can wait). */
  threads?: number;
  /** Each thread's JavaScript heap: a file that needs more is refused and its thread replaced. */
  memoryMb?: number;
};

const lost = ({ fileName }: UploadTask, error: Error): UploadAnswer =>
  'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? {
        kind: 'refused',
        refusal: { code: 'HOSTILE_FILE', message: `${fileName}：读取时超出内存限制，已拒绝处理`, details: {} },
      }
    : { kind: 'failed', message: error.message };

const appErrorOf = ({ code, message, details }: Refusal): AppError => new AppError(code, message, details);

/** A thread's answer other than the one asked for, raised as the same failure would be on the main thread. */
const failureOf = (answer: UploadAnswer): Error => {
  switch (answer.kind) {
    case 'refused':
      return appErrorOf(answer.refusal);
    case 'failed':
      return new Error(answer.message);
    case 'report':
    case 'zip':
      return new Error(`上传文件的读取结果类型不符（${answer.kind}）`);
  }
};

/**
 * Worker threads that read uploads, started on the first upload. The uploaded bytes are copied to the thread
 * (the caller keeps them: an import stores the file it read); a zip's reports come back without a copy.
 */
export const createUploadReaders = (options: UploadReaderOptions = {}): UploadReaders => {
  const pool = createWorkerPool<UploadTask, UploadAnswer>({
    module: siblingModule('upload-worker', import.meta.url),
    threads: options.threads ?? 2,
    memoryMb: options.memoryMb ?? 1024,
    lost,
  });
  return {
    readReport: async ({ bytes, fileName }) => {
      const answer = await pool.run({ kind: 'report', bytes, fileName });
      if (answer.kind === 'report') return answer.report;
      if (answer.kind === 'refused') return { ok: false, error: appErrorOf(answer.refusal) };
      throw failureOf(answer);
    },
    reportsInZip: async (bytes, fileName) => {
      const answer = await pool.run({ kind: 'zip', bytes, fileName });
      if (answer.kind === 'zip') return answer.contents;
      throw failureOf(answer);
    },
    close: pool.close,
  };
};
