import { opendir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { AppError, type BulkEntry, type BulkSummary, summarizeBulk } from '@jixiao/core';
import { createAuditPool } from './audit-pool.ts';

// The CLI imports this module alone (`@jixiao/services/bulk-folder`), not the whole services package.
export { defaultJobs } from './audit-pool.ts';

/** The report formats a bulk run picks up; anything else in the folder is left alone. */
export const REPORT_EXTENSIONS = ['.docx', '.xlsx', '.xls', '.pdf', '.txt', '.md', '.json'] as const;

const isReport = (name: string): boolean =>
  !name.startsWith('.') &&
  !name.startsWith('~$') &&
  (REPORT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/**
 * The report files under `dir`, in a stable order. Symbolic links are not followed (a link back up the tree
 * would never end); hidden files and Office lock files (~$…) are skipped.
 */
export const listReportFiles = async (dir: string, recursive: boolean): Promise<string[]> => {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('NOT_FOUND', `目录不存在：${dir}`);
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for await (const entry of await opendir(current)) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && recursive && !entry.name.startsWith('.')) await walk(path);
      else if (entry.isFile() && isReport(entry.name)) found.push(path);
    }
  };
  await walk(dir);
  return found.sort((a, b) => a.localeCompare(b));
};

/** Progress by file (done of total files); `entries` are the file's forms, or its one failure. */
export type FolderProgress = { done: number; total: number; file: string; entries: BulkEntry[] };

export type AuditFolderOptions = {
  dir: string;
  recursive: boolean;
  jobs: number;
  ruleSetId: string;
  onProgress?: (progress: FolderProgress) => void;
};

/**
 * Audits every form of every report under a folder in worker threads and summarises the run by file and by
 * form. Files are fed to the pool
 * a few ahead of the workers, so memory holds the compact rows and not the files: it stays flat as the
 * folder grows.
 */
export const auditFolder = async (options: AuditFolderOptions): Promise<BulkSummary> => {
  const info = await stat(options.dir).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('NOT_FOUND', `目录不存在：${options.dir}`);
  // Started before the folder is listed: the threads load their modules meanwhile.
  const pool = createAuditPool(options.jobs, options.ruleSetId);
  const files = await listReportFiles(options.dir, options.recursive).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  const entries: BulkEntry[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const path = files[next++] ?? '';
      const file = relative(options.dir, path) || path;
      const fileEntries = await pool.audit({ file, path });
      entries.push(...fileEntries);
      done += 1;
      options.onProgress?.({ done, total: files.length, file, entries: fileEntries });
    }
  };
  try {
    // Two files in hand per thread: the pool's depth (audit-pool.ts).
    await Promise.all(Array.from({ length: Math.max(1, options.jobs) * 2 }, worker));
  } finally {
    await pool.close();
  }
  return summarizeBulk(entries);
};
