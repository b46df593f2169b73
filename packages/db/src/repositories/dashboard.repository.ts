import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { Evaluation, EvaluationStatusColumn } from '../schema.ts';
import { codeOfFinding, findingsOfRevision } from './revision-findings.ts';

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
  /** The codes of the current revision's findings, each once. */
  finding_codes: string[];
};

export type DashboardFindingRow = {
  fiscal_year: number;
  department_id: string | null;
  department_name: string | null;
  code: string;
  severity: string;
  count: number;
};

/**
 * Every evaluation of the given units with only what the dashboard plots: one light row each, the rate and
 * the codes of the findings read out of the current revision's result inside the database.
 */
export const listDashboardEvaluations = async (
  db: Db,
  organizationIds: readonly string[],
): Promise<DashboardEvaluationRow[]> => {
  if (organizationIds.length === 0) return [];
  const result = await sql<DashboardEvaluationRow>`SELECT e.id, e.project_name, u.name AS organization_name,
      d.name AS department_name, e.fiscal_year, e.status, e.total_score::text AS total_score, e.grade,
      r.result->'execution'->>'rate' AS execution_rate,
      ARRAY(SELECT DISTINCT ${codeOfFinding} FROM ${findingsOfRevision}) AS finding_codes
    FROM evaluations e
    JOIN organizations u ON u.id = e.organization_id
    LEFT JOIN organizations d ON d.id = u.parent_id
    LEFT JOIN evaluation_revisions r ON r.id = e.current_revision_id
    WHERE e.organization_id IN (${sql.join(organizationIds)})
    ORDER BY e.fiscal_year, u.name, e.project_name, e.id`.execute(db);
  return result.rows;
};

/**
 * Findings of the current revisions of the given units' evaluations in the given statuses (the submitted ones:
 * a draft's or a returned one's are work in progress), counted per year, department, code and severity.
 */
export const countDashboardFindings = async (
  db: Db,
  organizationIds: readonly string[],
  statuses: readonly EvaluationStatusColumn[],
): Promise<DashboardFindingRow[]> => {
  if (organizationIds.length === 0 || statuses.length === 0) return [];
  const result = await sql<DashboardFindingRow>`SELECT e.fiscal_year, d.id AS department_id, d.name AS department_name,
      ${codeOfFinding} AS code, f->>'severity' AS severity, count(*)::int AS count
    FROM evaluations e
    JOIN evaluation_revisions r ON r.id = e.current_revision_id
    JOIN organizations u ON u.id = e.organization_id
    LEFT JOIN organizations d ON d.id = u.parent_id
    CROSS JOIN LATERAL ${findingsOfRevision}
    WHERE e.organization_id IN (${sql.join(organizationIds)}) AND e.status IN (${sql.join(statuses)})
    GROUP BY e.fiscal_year, d.id, d.name, ${codeOfFinding}, f->>'severity'
    ORDER BY e.fiscal_year, d.name, d.id, ${codeOfFinding}, f->>'severity'`.execute(db);
  return result.rows;
};
