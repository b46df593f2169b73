import { type Insertable, sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { BulkAuditJob, BulkAuditJobsTable } from '../schema.ts';

/** A job without its summary: what lists and progress polls need (a summary can run to megabytes). */
export type BulkAuditJobRow = Omit<BulkAuditJob, 'summary'>;

const ROW_COLUMNS = [
  'id',
  'created_by',
  'file_name',
  'rule_set_id',
  'status',
  'done',
  'total',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export const insertBulkAuditJob = async (db: Db, values: Insertable<BulkAuditJobsTable>): Promise<BulkAuditJobRow> =>
  db.insertInto('bulk_audit_jobs').values(values).returning(ROW_COLUMNS).executeTakeFirstOrThrow();

/** One job with its summary, only if `createdBy` made it. */
export const findBulkAuditJob = async (db: Db, id: string, createdBy: string): Promise<BulkAuditJob | undefined> =>
  db
    .selectFrom('bulk_audit_jobs')
    .selectAll()
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .executeTakeFirst();

/** A reviewer's jobs, newest first. */
export const listBulkAuditJobs = async (db: Db, createdBy: string, limit: number): Promise<BulkAuditJobRow[]> =>
  db
    .selectFrom('bulk_audit_jobs')
    .select(ROW_COLUMNS)
    .where('created_by', '=', createdBy)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const markBulkAuditRunning = async (db: Db, id: string, at: Date): Promise<void> => {
  await db
    .updateTable('bulk_audit_jobs')
    .set({ status: 'running', started_at: at })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
};

/**
 * Progress of a running job. Writes from concurrent files may land out of order, so the count only grows; a
 * job that has already ended is left as it is.
 */
export const recordBulkAuditProgress = async (db: Db, id: string, done: number): Promise<void> => {
  await db
    .updateTable('bulk_audit_jobs')
    .set({ done: sql<number>`greatest(done, ${done})` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
};

export const finishBulkAuditJob = async (db: Db, id: string, summary: string, at: Date): Promise<void> => {
  await db
    .updateTable('bulk_audit_jobs')
    .set({ status: 'done', done: sql<number>`total`, summary, finished_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
};

/** Ends one job, or every job still queued or running (`id` null: the server restarted), with a reason. */
export const failBulkAuditJobs = async (db: Db, id: string | null, error: string, at: Date): Promise<number> => {
  let query = db
    .updateTable('bulk_audit_jobs')
    .set({ status: 'failed', error, finished_at: at })
    .where('status', 'in', ['queued', 'running']);
  if (id !== null) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
};
