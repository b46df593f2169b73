import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type { DeclarationStatusName, TargetDeclaration, TargetDeclarationsTable } from '../schema.ts';

export const insertDeclaration = async (db: Db, row: Insertable<TargetDeclarationsTable>): Promise<TargetDeclaration> =>
  db.insertInto('target_declarations').values(row).returningAll().executeTakeFirstOrThrow();

export const findDeclaration = async (db: Db, id: string): Promise<TargetDeclaration | undefined> =>
  db.selectFrom('target_declarations').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for the rest of the transaction, so that concurrent steps on one declaration queue. */
export const findDeclarationForUpdate = async (db: Db, id: string): Promise<TargetDeclaration | undefined> =>
  db.selectFrom('target_declarations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export type DeclarationChanges = Omit<Updateable<TargetDeclarationsTable>, 'version' | 'id'>;

/** Optimistic concurrency: applies the change only if the row still has `expectedVersion`, and bumps it. */
export const updateDeclarationIfVersion = async (
  db: Db,
  id: string,
  expectedVersion: number,
  changes: DeclarationChanges,
): Promise<TargetDeclaration | undefined> =>
  db
    .updateTable('target_declarations')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type DeclarationProject = { organizationId: string; fiscalYear: number; projectName: string };

/** Every revision of one project's declaration for one year, first to last. */
export const listDeclarationRevisions = async (db: Db, project: DeclarationProject): Promise<TargetDeclaration[]> =>
  db
    .selectFrom('target_declarations')
    .selectAll()
    .where('organization_id', '=', project.organizationId)
    .where('fiscal_year', '=', project.fiscalYear)
    .where('project_name', '=', project.projectName)
    .orderBy('revision_no')
    .execute();

/** Marks an approved revision as no longer in force, once a later one of the same project is approved. */
export const markDeclarationSuperseded = async (db: Db, id: string, at: Date): Promise<void> => {
  await db
    .updateTable('target_declarations')
    .set((eb) => ({ superseded_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .where('superseded_at', 'is', null)
    .execute();
};

export type DeclarationFilter = {
  /** Restrict to these organisations; undefined means every organisation. */
  organizationIds?: readonly string[] | undefined;
  fiscalYear?: number | undefined;
  status?: DeclarationStatusName | undefined;
};

export type DeclarationListRow = TargetDeclaration & { organization_name: string };

/** Declarations with their unit's name, newest year first, then by project and revision. */
export const listDeclarations = async (db: Db, filter: DeclarationFilter): Promise<DeclarationListRow[]> => {
  if (filter.organizationIds?.length === 0) return [];
  let query = db
    .selectFrom('target_declarations as t')
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .selectAll('t')
    .select('o.name as organization_name');
  if (filter.organizationIds) query = query.where('t.organization_id', 'in', filter.organizationIds);
  if (filter.fiscalYear !== undefined) query = query.where('t.fiscal_year', '=', filter.fiscalYear);
  if (filter.status) query = query.where('t.status', '=', filter.status);
  return query
    .orderBy('t.fiscal_year', 'desc')
    .orderBy('o.name')
    .orderBy('t.project_name')
    .orderBy('t.revision_no', 'desc')
    .orderBy('t.id')
    .execute();
};

/**
 * For each project asked about, the form of the latest submitted revision of its self-evaluation (same unit, year
 * and project name): what the unit reported achieving, to hold a later year's targets against. Projects without a
 * submitted evaluation are left out. One query for a whole list.
 */
export const listSubmittedEvaluationForms = async (
  db: Db,
  projects: readonly DeclarationProject[],
): Promise<(DeclarationProject & { form: unknown })[]> => {
  if (projects.length === 0) return [];
  const wanted = new Set(projects.map((item) => `${item.organizationId}|${item.fiscalYear}|${item.projectName}`));
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_revisions as r', 'r.evaluation_id', 'e.id')
    .distinctOn(['e.organization_id', 'e.fiscal_year', 'e.project_name'])
    .select(['e.organization_id', 'e.fiscal_year', 'e.project_name', 'r.form'])
    .where('e.organization_id', 'in', [...new Set(projects.map((item) => item.organizationId))])
    .where('e.fiscal_year', 'in', [...new Set(projects.map((item) => item.fiscalYear))])
    .where('e.project_name', 'in', [...new Set(projects.map((item) => item.projectName))])
    .where('r.kind', '=', 'submitted')
    .orderBy('e.organization_id')
    .orderBy('e.fiscal_year')
    .orderBy('e.project_name')
    .orderBy('r.revision_no', 'desc')
    .execute();
  return rows
    .map((row) => ({
      organizationId: row.organization_id,
      fiscalYear: row.fiscal_year,
      projectName: row.project_name,
      form: row.form,
    }))
    .filter((row) => wanted.has(`${row.organizationId}|${row.fiscalYear}|${row.projectName}`));
};
