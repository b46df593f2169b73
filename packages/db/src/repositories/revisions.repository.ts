import { type Insertable, sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { EvaluationRevision, EvaluationRevisionsTable } from '../schema.ts';

/** Revisions are immutable (a trigger rejects UPDATE and DELETE); this is the only write. */
export const insertRevision = async (
  db: Db,
  values: Insertable<EvaluationRevisionsTable>,
): Promise<EvaluationRevision> =>
  db.insertInto('evaluation_revisions').values(values).returningAll().executeTakeFirstOrThrow();

/**
 * Inserts the evaluation's next revision, numbered after its last one in the same statement. The caller holds
 * the evaluation's row lock (or has just created it), so no other revision of it can take the number between.
 */
export const insertNextRevision = async (
  db: Db,
  values: Omit<Insertable<EvaluationRevisionsTable>, 'revision_no'>,
): Promise<EvaluationRevision> =>
  db
    .insertInto('evaluation_revisions')
    .values({
      ...values,
      revision_no: sql<number>`(SELECT coalesce(max(revision_no), 0) + 1 FROM evaluation_revisions WHERE evaluation_id = ${values.evaluation_id})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findRevision = async (db: Db, id: string): Promise<EvaluationRevision | undefined> =>
  db.selectFrom('evaluation_revisions').selectAll().where('id', '=', id).executeTakeFirst();

export type RevisionSummary = Pick<
  EvaluationRevision,
  | 'id'
  | 'revision_no'
  | 'kind'
  | 'rule_set'
  | 'total_score'
  | 'grade'
  | 'created_by'
  | 'created_at'
  | 'source_file_name'
>;

export const listRevisions = async (db: Db, evaluationId: string): Promise<RevisionSummary[]> =>
  db
    .selectFrom('evaluation_revisions')
    .select([
      'id',
      'revision_no',
      'kind',
      'rule_set',
      'total_score',
      'grade',
      'created_by',
      'created_at',
      'source_file_name',
    ])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('revision_no')
    .execute();
