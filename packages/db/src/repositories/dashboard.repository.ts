import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { Evaluation } from '../schema.ts';

export type DashboardEvaluationRow = {
  id: string;
  project_name: string;
  organization_name: string;
  department_name: string | null;
  fiscal_year: number;
  status: Evaluation['status'];
  total_score: string | null;
  grade: string | null;
  /** The engine's rounded rate in percent, as the JSON text it was stored as. */
  execution_rate: string | null;
  low_execution: boolean;
};

export type DashboardFindingRow = {
  fiscal_year: number;
  department_id: string | null;
  department_name: string | null;
  code: string;
  severity: string;
  count: number;
};

const LOW_EXECUTION_CODES = ['LOW_EXECUTION', 'LOW_EXECUTION_UNEXPLAINED'] as const;

/**
 * Every evaluation of the given units with only what the dashboard plots: one light row each, the rate and
 * the low-execution flag read out of the current revision's result inside the database.
 */
export const listDashboardEvaluations = async (
  db: Db,
  organizationIds: readonly string[],
): Promise<DashboardEvaluationRow[]> => {
  if (organizationIds.length === 0) return [];
  const lowExecution = sql.join(
    LOW_EXECUTION_CODES.map((code) => sql`r.result->'findings' @> ${JSON.stringify([{ code }])}::jsonb`),
    sql` OR `,
  );
  const result = await sql<DashboardEvaluationRow>`SELECT e.id, e.project_name, u.name AS organization_name,
      d.name AS department_name, e.fiscal_year, e.status, e.total_score::text AS total_score, e.grade,
      r.result->'execution'->>'rate' AS execution_rate, COALESCE(${lowExecution}, false) AS low_execution
    FROM evaluations e
    JOIN organizations u ON u.id = e.organization_id
    LEFT JOIN organizations d ON d.id = u.parent_id
    LEFT JOIN evaluation_revisions r ON r.id = e.current_revision_id
    WHERE e.organization_id IN (${sql.join(organizationIds)})
    ORDER BY e.fiscal_year, u.name, e.project_name, e.id`.execute(db);
  return result.rows;
};

/**
 * Findings of the current revisions of the given units' submitted evaluations (a draft's or a returned one's are
 * work in progress, as core's isSubmittedStatus says), counted per year, department, code and severity.
 */
export const countDashboardFindings = async (
  db: Db,
  organizationIds: readonly string[],
): Promise<DashboardFindingRow[]> => {
  if (organizationIds.length === 0) return [];
  const result = await sql<DashboardFindingRow>`SELECT e.fiscal_year, d.id AS department_id, d.name AS department_name,
      f->>'code' AS code, f->>'severity' AS severity, count(*)::int AS count
    FROM evaluations e
    JOIN evaluation_revisions r ON r.id = e.current_revision_id
    JOIN organizations u ON u.id = e.organization_id
    LEFT JOIN organizations d ON d.id = u.parent_id
    CROSS JOIN LATERAL jsonb_array_elements(r.result->'findings') AS f
    WHERE e.organization_id IN (${sql.join(organizationIds)}) AND e.status NOT IN ('draft', 'returned')
    GROUP BY e.fiscal_year, d.id, d.name, f->>'code', f->>'severity'
    ORDER BY e.fiscal_year, d.name, d.id, f->>'code', f->>'severity'`.execute(db);
  return result.rows;
};
