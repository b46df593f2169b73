import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type {
  Database,
  Evaluation,
  EvaluationRevision,
  EvaluationRevisionsTable,
  EvaluationsTable,
  FundBlocksTable,
  IndicatorResultsTable,
} from '../schema.ts';

/** A revision without its form and result (the large JSON columns): what lists and writers need back. */
const REVISION_SUMMARY_COLUMNS = [
  'id',
  'revision_no',
  'kind',
  'rule_set',
  'total_score',
  'grade',
  'created_by',
  'created_at',
  'source_file_name',
] as const satisfies readonly (keyof EvaluationRevision)[];

export type RevisionSummary = Pick<EvaluationRevision, (typeof REVISION_SUMMARY_COLUMNS)[number]>;

/** A revision's analytic copies of its funds and indicator scores (the snapshot JSON stays the truth). */
export type RevisionFacts = {
  fundBlocks: Insertable<FundBlocksTable>[];
  indicatorResults: Insertable<IndicatorResultsTable>[];
};

type NewRevision = Omit<Insertable<EvaluationRevisionsTable>, 'revision_no'>;

/**
 * The statement's common part: the evaluation's next revision with its analytic rows, as CTEs. The revision is
 * numbered after its last one; the fact rows' foreign keys are checked at the end of the statement, when the
 * revision exists. Revisions are immutable (a trigger rejects UPDATE and DELETE), so this is their only write.
 * The caller holds the evaluation's row lock (or has just created it), so no other revision of it can take the
 * number between.
 */
const withNextRevision = (db: Db, values: NewRevision, { fundBlocks, indicatorResults }: RevisionFacts) => {
  // An INSERT needs at least one row; a table with none gets one that selects nothing, so the statement keeps
  // one shape.
  const insertFacts = <Table extends 'fund_blocks' | 'indicator_results'>(
    table: Table,
    rows: Insertable<Database[Table]>[],
  ) =>
    rows.length > 0
      ? db.insertInto(table).values(rows)
      : db.insertInto(table).columns(['id']).expression(sql`SELECT NULL::uuid WHERE false`);
  return db
    .with('fund_rows', () => insertFacts('fund_blocks', fundBlocks))
    .with('indicator_rows', () => insertFacts('indicator_results', indicatorResults))
    .with('revision', () =>
      db
        .insertInto('evaluation_revisions')
        .values({
          ...values,
          revision_no: sql<number>`(SELECT coalesce(max(revision_no), 0) + 1 FROM evaluation_revisions WHERE evaluation_id = ${values.evaluation_id})`,
        })
        .returning(REVISION_SUMMARY_COLUMNS),
    );
};

/**
 * Inserts the evaluation's next revision with its analytic rows, in one statement, and answers with the
 * revision's summary: the caller has the form and the result already, and reading them back would parse both
 * JSON documents again.
 */
export const insertNextRevision = async (db: Db, values: NewRevision, facts: RevisionFacts): Promise<RevisionSummary> =>
  withNextRevision(db, values, facts).selectFrom('revision').selectAll().executeTakeFirstOrThrow();

/**
 * Inserts the evaluation's next revision with its analytic rows and makes it the evaluation's current one, with
 * `changes`, if the evaluation is still at `expectedVersion`; all in one statement. Undefined when the version
 * moved on: the revision was written all the same, so the caller must roll its transaction back.
 */
export const insertCurrentRevision = async (
  db: Db,
  values: NewRevision,
  facts: RevisionFacts,
  expectedVersion: number,
  changes: Omit<Updateable<EvaluationsTable>, 'version' | 'id' | 'current_revision_id'>,
): Promise<Evaluation | undefined> =>
  withNextRevision(db, values, facts)
    .updateTable('evaluations')
    .set((eb) => ({ ...changes, current_revision_id: values.id, version: eb('version', '+', 1) }))
    .where('id', '=', values.evaluation_id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export const findRevision = async (db: Db, id: string): Promise<EvaluationRevision | undefined> =>
  db.selectFrom('evaluation_revisions').selectAll().where('id', '=', id).executeTakeFirst();

export const listRevisions = async (db: Db, evaluationId: string): Promise<RevisionSummary[]> =>
  db
    .selectFrom('evaluation_revisions')
    .select(REVISION_SUMMARY_COLUMNS)
    .where('evaluation_id', '=', evaluationId)
    .orderBy('revision_no')
    .execute();
