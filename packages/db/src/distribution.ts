import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * Where each table goes when a province runs Jixiao on Citus (ARCHITECTURE.md, scale path):
 * - reference: small, read by every request, joined with everything: copied to every node;
 * - distributed: a budget unit's own rows, sharded by `organization_id`, all co-located, so one unit's
 *   evaluation with its revisions, reviews and publications lives on one node;
 * - coordinator: kept on the coordinator alone. The audit log is one hash chain in one order (its head row
 *   assigns `seq`), which a sharded table cannot keep; distributing it means one chain per unit.
 * Every table of the migrated schema is placed here exactly once (services/src/demo/tenancy.test.ts holds the
 * catalog and the data to it).
 */
export type TablePlacement = 'reference' | 'distributed' | 'coordinator';

export const TABLE_PLACEMENT = {
  organizations: 'reference',
  users: 'reference',
  user_roles: 'reference',
  sessions: 'reference',
  password_history: 'reference',
  projects: 'distributed',
  evaluations: 'distributed',
  evaluation_revisions: 'distributed',
  fund_blocks: 'distributed',
  indicator_results: 'distributed',
  reviews: 'distributed',
  publications: 'distributed',
  attachments: 'distributed',
  rectification_items: 'distributed',
  appeals: 'distributed',
  public_feedback: 'distributed',
  result_applications: 'distributed',
  result_application_policies: 'reference',
  target_declarations: 'distributed',
  declaration_actions: 'distributed',
  monitoring_reports: 'distributed',
  monitoring_rounds: 'reference',
  audit_log: 'coordinator',
  audit_head: 'coordinator',
  audit_pending: 'coordinator',
  bulk_audit_jobs: 'coordinator',
  login_failures: 'coordinator',
  login_source_failures: 'coordinator',
  schema_migrations: 'coordinator',
} as const satisfies Record<string, TablePlacement>;

const placements: ReadonlyMap<string, TablePlacement> = new Map(Object.entries(TABLE_PLACEMENT));

/** Where a table goes; undefined for a table nobody has placed. */
export const placementOf = (table: string): TablePlacement | undefined => placements.get(table);

/** The column every distributed table is sharded by: the owning budget unit. */
export const DISTRIBUTION_COLUMN = 'organization_id';

export type ForeignKey = { table: string; columns: string[]; references: string; referencedColumns: string[] };

/** Every foreign key of the public schema, from the catalog. */
export const listForeignKeys = async (db: Db): Promise<ForeignKey[]> => {
  const { rows } = await sql<{ table: string; columns: string[]; references: string; referenced_columns: string[] }>`
    SELECT c.conrelid::regclass::text AS table,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
           c.confrelid::regclass::text AS references,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced_columns
    FROM pg_constraint c
    JOIN pg_namespace s ON s.oid = c.connamespace
    WHERE c.contype = 'f' AND s.nspname = 'public'
    ORDER BY 1, 2`.execute(db);
  return rows.map((row) => ({
    table: row.table,
    columns: row.columns,
    references: row.references,
    referencedColumns: row.referenced_columns,
  }));
};

/**
 * Rows of a foreign key between two distributed tables whose unit differs from the unit of the row they point
 * at. Zero is what co-location needs: every such key can then carry `organization_id` on both sides.
 */
export const countCrossUnitReferences = async (db: Db, key: ForeignKey): Promise<number> => {
  const [column] = key.columns;
  const [referenced] = key.referencedColumns;
  if (key.columns.length !== 1 || !column || !referenced) {
    throw new Error(`${key.table}: only single-column foreign keys are checked`);
  }
  const { rows } = await sql<{ count: string | number }>`
    SELECT count(*) AS count FROM ${sql.table(key.table)} child
    JOIN ${sql.table(key.references)} parent ON parent.${sql.ref(referenced)} = child.${sql.ref(column)}
    WHERE parent.${sql.ref(DISTRIBUTION_COLUMN)} <> child.${sql.ref(DISTRIBUTION_COLUMN)}`.execute(db);
  return Number(rows[0]?.count ?? 0);
};

export type TableShape = { table: string; distributionColumn: { type: string; nullable: boolean } | null };

/** Every table of the public schema with its `organization_id` column, if it has one. */
export const listTableShapes = async (db: Db): Promise<TableShape[]> => {
  const { rows } = await sql<{ table: string; type: string | null; nullable: string | null }>`
    SELECT t.table_name AS table, c.data_type AS type, c.is_nullable AS nullable
    FROM information_schema.tables t
    LEFT JOIN information_schema.columns c
      ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = ${DISTRIBUTION_COLUMN}
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY 1`.execute(db);
  return rows.map((row) => ({
    table: row.table,
    distributionColumn: row.type === null ? null : { type: row.type, nullable: row.nullable === 'YES' },
  }));
};
