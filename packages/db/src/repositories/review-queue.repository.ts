import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { EvaluationListRow } from './evaluations.repository.ts';

/** Evaluations in these statuses among these organisations wait on one of the reviewer's roles. */
export type WaitingScope = { organizationIds: readonly string[]; statuses: readonly string[] };

export type WaitingEvaluationRow = EvaluationListRow & {
  /** The engine's rounded rate in percent, as the JSON text it was stored as. */
  execution_rate: string | null;
  /** Only the code and severity of each finding of the current revision: what the ranking weighs. */
  findings: { code: string; severity: string }[];
};

/**
 * Every evaluation waiting on the reviewer, oldest wait first, with what the risk ranking reads from its current
 * revision extracted inside the database. Not paged: the ranking needs all of them, and the rows are light.
 */
export const listWaitingEvaluations = async (
  db: Db,
  scopes: readonly WaitingScope[],
): Promise<WaitingEvaluationRow[]> => {
  const usable = scopes.filter((scope) => scope.organizationIds.length > 0 && scope.statuses.length > 0);
  if (usable.length === 0) return [];
  const waiting = sql.join(
    usable.map(
      (scope) =>
        sql`(e.organization_id IN (${sql.join(scope.organizationIds)}) AND e.status IN (${sql.join(scope.statuses)}))`,
    ),
    sql` OR `,
  );
  const result = await sql<WaitingEvaluationRow>`SELECT e.*, u.name AS organization_name, d.name AS department_name,
      r.result->'execution'->>'rate' AS execution_rate,
      COALESCE((SELECT jsonb_agg(jsonb_build_object('code', f->>'code', 'severity', f->>'severity'))
        FROM jsonb_array_elements(r.result->'findings') AS f), '[]'::jsonb) AS findings
    FROM evaluations e
    JOIN organizations u ON u.id = e.organization_id
    LEFT JOIN organizations d ON d.id = u.parent_id
    LEFT JOIN evaluation_revisions r ON r.id = e.current_revision_id
    WHERE ${waiting}
    ORDER BY e.updated_at, e.id`.execute(db);
  return result.rows;
};
