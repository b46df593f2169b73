import { readFile } from 'node:fs/promises';
import type { BulkEntry } from '@jixiao/core';
import { answerTasks } from '../workers/worker-tasks.ts';
import { auditReportBytes } from './audit-report-bytes.ts';

/** What the pool asks of a worker: a file on disk (read here, off the main thread) or bytes it was handed. */
export type AuditTask = { file: string; ruleSetId: string; path?: string; bytes?: Uint8Array };

const reasonOf = (error: unknown): string => {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES') return '没有读取权限';
  return `无法读取（${code || (error instanceof Error ? error.message : String(error))}）`;
};

const answer = async (task: AuditTask): Promise<BulkEntry[]> => {
  let bytes = task.bytes;
  if (!bytes && task.path) {
    try {
      bytes = new Uint8Array(await readFile(task.path));
    } catch (error) {
      return [
        {
          ok: false,
          failure: {
            file: task.file,
            formIndex: null,
            code: 'READ_FAILED',
            reason: `${task.file}：${reasonOf(error)}`,
          },
        },
      ];
    }
  }
  return auditReportBytes(task.file, bytes ?? new Uint8Array(), task.ruleSetId);
};

answerTasks(async (task: AuditTask) => ({ answer: await answer(task) }));
