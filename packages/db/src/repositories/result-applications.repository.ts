import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type {
  ResultApplication,
  ResultApplicationPoliciesTable,
  ResultApplicationPolicy,
  ResultApplicationsTable,
} from '../schema.ts';

/** The statuses whose evaluations are results: the bureau approved them (and may have published them). */
export const RESULT_STATUSES = ['approved', 'published'] as const;

export const findResultApplicationPolicy = async (
  db: Db,
  bureauId: string,
  fiscalYear: number,
): Promise<ResultApplicationPolicy | undefined> =>
  db
    .selectFrom('result_application_policies')
    .selectAll()
    .where('bureau_id', '=', bureauId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();

/** One policy per bureau and year: a second save replaces the first (the audit log keeps what it was). */
export const upsertResultApplicationPolicy = async (
  db: Db,
  row: Insertable<ResultApplicationPoliciesTable>,
): Promise<ResultApplicationPolicy> =>
  db
    .insertInto('result_application_policies')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['bureau_id', 'fiscal_year']).doUpdateSet({
        rules: row.rules,
        appeal_period_days: row.appeal_period_days ?? 15,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

/** Locks the decision row (if any) for the rest of the transaction, so concurrent saves queue. */
export const findResultApplicationForUpdate = async (
  db: Db,
  evaluationId: string,
): Promise<ResultApplication | undefined> =>
  db
    .selectFrom('result_applications')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .forUpdate()
    .executeTakeFirst();

/** One decision per evaluation (evaluation_id is unique): a later save replaces the earlier. */
export const upsertResultApplication = async (
  db: Db,
  row: Insertable<ResultApplicationsTable>,
): Promise<ResultApplication> =>
  db
    .insertInto('result_applications')
    .values(row)
    .onConflict((oc) =>
      oc.column('evaluation_id').doUpdateSet({
        suggestion: row.suggestion,
        decision: row.decision,
        adjustment_percent: row.adjustment_percent ?? null,
        reason: row.reason ?? '',
        decided_by: row.decided_by,
        decided_at: row.decided_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

export type ResultApplicationCandidateRow = {
  evaluation_id: string;
  organization_id: string;
  organization_name: string;
  project_name: string;
  status: (typeof RESULT_STATUSES)[number];
  total_score: string | null;
  grade: string | null;
  /** The current revision's 全年预算数 of the whole project (fund source 'total'), in 分. */
  adjusted_budget_fen: number | null;
  decision: string | null;
  suggestion: string | null;
  adjustment_percent: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
};

/**
 * Every result of a year among the given units (approved or published evaluations) with the decision recorded
 * for it, if any, in the order the 结果应用表 lists them: by unit, then project.
 */
export const listResultApplicationCandidates = async (
  db: Db,
  organizationIds: readonly string[],
  fiscalYear: number,
): Promise<ResultApplicationCandidateRow[]> => {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as u', 'u.id', 'e.organization_id')
    .leftJoin('fund_blocks as f', (join) =>
      join.onRef('f.revision_id', '=', 'e.current_revision_id').on('f.source', '=', 'total'),
    )
    .leftJoin('result_applications as a', 'a.evaluation_id', 'e.id')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .select([
      'e.id as evaluation_id',
      'e.organization_id',
      'u.name as organization_name',
      'e.project_name',
      'e.status',
      'e.total_score',
      'e.grade',
      'f.adjusted_budget_fen',
      'a.decision',
      'a.suggestion',
      'a.adjustment_percent',
      'a.reason',
      'a.decided_by',
      'd.display_name as decided_by_name',
      'a.decided_at',
    ])
    .where('e.organization_id', 'in', organizationIds)
    .where('e.fiscal_year', '=', fiscalYear)
    .where('e.status', 'in', RESULT_STATUSES)
    .orderBy('u.name')
    .orderBy('e.project_name')
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({ ...row, status: row.status === 'published' ? 'published' : 'approved' }));
};

/** The years that have a result among the given units, newest first. */
export const listResultYears = async (db: Db, organizationIds: readonly string[]): Promise<number[]> => {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluations')
    .select('fiscal_year')
    .distinct()
    .where('organization_id', 'in', organizationIds)
    .where('status', 'in', RESULT_STATUSES)
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((row) => row.fiscal_year);
};
