import { sql } from 'kysely';

/**
 * The findings of the revision aliased `r`, one row `f` each, and a finding's code. The dashboard's counts and the
 * evaluations list's finding filters read findings only through these, so that a count on the dashboard is the
 * number of rows the list shows behind it.
 */
export const findingsOfRevision = sql`jsonb_array_elements(r.result->'findings') AS f`;

export const codeOfFinding = sql`f->>'code'`;

/** Whether the current revision of the evaluation aliased `e` has a finding of one of these codes (not none). */
export const hasFindingOf = (codes: readonly string[]) =>
  sql<boolean>`EXISTS (SELECT 1 FROM evaluation_revisions r CROSS JOIN LATERAL ${findingsOfRevision}
    WHERE r.id = e.current_revision_id AND ${codeOfFinding} IN (${sql.join(codes)}))`;
