import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { EvaluationRevision, EvaluationRevisionsTable } from '../schema.ts';

/** Revisions are immutable (a trigger rejects UPDATE and DELETE); this is the only write. */
export const insertRevision = async (
  db: Db,
  values: Insertable<EvaluationRevisionsTable>,
): Promise<EvaluationRevision> =>
  db.insertInto('evaluation_revisions').values(values).returningAll().executeTakeFirstOrThrow();

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

export const nextRevisionNo = async (db: Db, evaluationId: string): Promise<number> => {
  const row = await db
    .selectFrom('evaluation_revisions')
    .select((eb) => eb.fn.max('revision_no').as('last'))
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
};
