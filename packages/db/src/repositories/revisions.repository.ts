import { type Insertable, sql } from 'kysely';
import type { Db } from '../connect.ts';
import type {
  Database,
  EvaluationRevision,
  EvaluationRevisionsTable,
  FundBlocksTable,
  IndicatorResultsTable,
} from '../schema.ts';

/** A revision's analytic copies of its funds and indicator scores (the snapshot JSON stays the truth). */
export type RevisionFacts = {
  fundBlocks: Insertable<FundBlocksTable>[];
  indicatorResults: Insertable<IndicatorResultsTable>[];
};

/**
 * Inserts the evaluation's next revision with its analytic rows, in one statement: the revision is numbered
 * after its last one, and the fact rows go in through data-modifying CTEs (their foreign keys are checked at the
 * end of the statement, when the revision exists). Revisions are immutable (a trigger rejects UPDATE and DELETE),
 * so this is their only write. The caller holds the evaluation's row lock (or has just created it), so no other
 * revision of it can take the number between.
 */
export const insertNextRevision = async (
  db: Db,
  values: Omit<Insertable<EvaluationRevisionsTable>, 'revision_no'>,
  { fundBlocks, indicatorResults }: RevisionFacts,
): Promise<EvaluationRevision> => {
  // An INSERT needs at least one row; a table with none gets one that selects nothing, so the statement keeps
  // one shape.
  const insertFacts = <Table extends 'fund_blocks' | 'indicator_results'>(
    table: Table,
    rows: Insertable<Database[Table]>[],
  ) =>
    rows.length > 0
      ? db.insertInto(table).values(rows)
      : db.insertInto(table).columns(['id']).expression(sql`SELECT NULL::uuid WHERE false`);
  const query = db
    .with('fund_rows', () => insertFacts('fund_blocks', fundBlocks))
    .with('indicator_rows', () => insertFacts('indicator_results', indicatorResults));
  return query
    .insertInto('evaluation_revisions')
    .values({
      ...values,
      revision_no: sql<number>`(SELECT coalesce(max(revision_no), 0) + 1 FROM evaluation_revisions WHERE evaluation_id = ${values.evaluation_id})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

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
