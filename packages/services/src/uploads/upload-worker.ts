import { AppError, type ErrorCode } from '@jixiao/core';
import { type ImportResult, readReport } from '@jixiao/ingest';
import { reportsInZip, type ZipContents } from '../bulk/reports-in-zip.ts';
import { answerTasks } from '../workers/worker-tasks.ts';

/** An uploaded file to read: a report to import, or a zip of reports for a bulk audit. */
export type UploadTask = { kind: 'report' | 'zip'; bytes: Uint8Array; fileName: string };

/** An AppError as it crosses the thread boundary (a class does not survive structured cloning). */
export type Refusal = { code: ErrorCode; message: string; details: Record<string, unknown> };

export type UploadAnswer =
  | { kind: 'report'; report: Extract<ImportResult, { ok: true }> }
  | { kind: 'zip'; contents: ZipContents }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'failed'; message: string };

const refusalOf = (error: AppError): Refusal => ({ code: error.code, message: error.message, details: error.details });

const answer = async (task: UploadTask): Promise<{ answer: UploadAnswer; transfer?: ArrayBuffer[] }> => {
  try {
    if (task.kind === 'report') {
      const result = await readReport(task);
      return {
        answer: result.ok ? { kind: 'report', report: result } : { kind: 'refused', refusal: refusalOf(result.error) },
      };
    }
    const contents = reportsInZip(task.bytes, task.fileName);
    // Each report's bytes are a buffer of its own (extractZipEntries joins them so): handed back, not copied.
    const transfer = contents.reports.flatMap(({ bytes }) =>
      bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [],
    );
    return { answer: { kind: 'zip', contents }, transfer };
  } catch (error) {
    if (error instanceof AppError) return { answer: { kind: 'refused', refusal: refusalOf(error) } };
    return { answer: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
};

answerTasks(answer);
