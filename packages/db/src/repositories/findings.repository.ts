import { sql } from 'kysely';
import type { Db } from '../connect.ts';

export type FindingRow = {
  evaluation_id: string;
  project_name: string;
  fiscal_year: number;
  organization_name: string;
  status: string;
  code: string;
  severity: string;
  message: string;
  where: string;
};

export type FindingFilter = {
  organizationIds: readonly string[];
  code?: string | undefined;
  severity?: string | undefined;
  fiscalYear?: number | undefined;
  limit: number;
  offset: number;
};

/**
 * Findings of the current revision of every evaluation in the given organisations, read from the snapshot JSON,
 * less those an amending ruling withdrew.
 */
export const listCurrentFindings = async (
  db: Db,
  filter: FindingFilter,
): Promise<{ items: FindingRow[]; total: number }> => {
  if (filter.organizationIds.length === 0) return { items: [], total: 0 };
  const conditions = [sql`e.organization_id IN (${sql.join(filter.organizationIds)})`];
  if (filter.code) conditions.push(sql`f->>'code' = ${filter.code}`);
  if (filter.severity) conditions.push(sql`f->>'severity' = ${filter.severity}`);
  if (filter.fiscalYear !== undefined) conditions.push(sql`e.fiscal_year = ${filter.fiscalYear}`);
  // A finding a ruling on an appeal withdrew from this revision (复议改变) is no longer one.
  conditions.push(sql`NOT EXISTS (SELECT 1 FROM appeals a JOIN reviews rv ON rv.id = a.review_id
    WHERE a.evaluation_id = e.id AND a.status = 'amended' AND rv.revision_id = e.current_revision_id
      AND a.withdrawn_findings @> jsonb_build_array(f->>'code'))`);
  const from = sql`FROM evaluations e
    JOIN evaluation_revisions r ON r.id = e.current_revision_id
    JOIN organizations o ON o.id = e.organization_id
    CROSS JOIN LATERAL jsonb_array_elements(r.result->'findings') AS f
    WHERE ${sql.join(conditions, sql` AND `)}`;
  const items =
    await sql<FindingRow>`SELECT e.id AS evaluation_id, e.project_name, e.fiscal_year, o.name AS organization_name,
      e.status, f->>'code' AS code, f->>'severity' AS severity, f->>'message' AS message, f->>'where' AS "where"
    ${from}
    ORDER BY e.fiscal_year DESC, o.name, e.project_name, e.id, f->>'where'
    LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db);
  const count = await sql<{ count: string | number }>`SELECT count(*) AS count ${from}`.execute(db);
  return { items: items.rows, total: Number(count.rows[0]?.count ?? 0) };
};
