import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type { MonitoringReportRow, MonitoringReportsTable, TargetDeclaration } from '../schema.ts';

export const insertMonitoringReport = async (
  db: Db,
  row: Insertable<MonitoringReportsTable>,
): Promise<MonitoringReportRow> =>
  db.insertInto('monitoring_reports').values(row).returningAll().executeTakeFirstOrThrow();

export const findMonitoringReport = async (db: Db, id: string): Promise<MonitoringReportRow | undefined> =>
  db.selectFrom('monitoring_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for the rest of the transaction: saves, imports and the submit of one report queue. */
export const findMonitoringReportForUpdate = async (db: Db, id: string): Promise<MonitoringReportRow | undefined> =>
  db.selectFrom('monitoring_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findMonitoringReportOfRound = async (
  db: Db,
  roundId: string,
  declarationId: string,
): Promise<MonitoringReportRow | undefined> =>
  db
    .selectFrom('monitoring_reports')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();

export type MonitoringReportChanges = Omit<Updateable<MonitoringReportsTable>, 'version' | 'id'>;

/** Optimistic concurrency: applies the change only if the row still has `expectedVersion`, and bumps it. */
export const updateMonitoringReportIfVersion = async (
  db: Db,
  id: string,
  expectedVersion: number,
  changes: MonitoringReportChanges,
): Promise<MonitoringReportRow | undefined> =>
  db
    .updateTable('monitoring_reports')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type MonitoringReportFilter = {
  /** Restrict to these units; undefined means every unit. */
  organizationIds?: readonly string[] | undefined;
  fiscalYear?: number | undefined;
  roundId?: string | undefined;
  status?: 'draft' | 'submitted' | undefined;
  /** Only reports submitted as behind schedule. */
  behind?: boolean | undefined;
  limit: number;
};

export type MonitoringReportListRow = MonitoringReportRow & { as_of: string };

/** Reports with their round's date, newest date first, then by project. */
export const listMonitoringReports = async (
  db: Db,
  filter: MonitoringReportFilter,
): Promise<MonitoringReportListRow[]> => {
  if (filter.organizationIds?.length === 0) return [];
  let query = db
    .selectFrom('monitoring_reports as m')
    .innerJoin('monitoring_rounds as r', 'r.id', 'm.round_id')
    .selectAll('m')
    .select('r.as_of');
  if (filter.organizationIds) query = query.where('m.organization_id', 'in', filter.organizationIds);
  if (filter.fiscalYear !== undefined) query = query.where('m.fiscal_year', '=', filter.fiscalYear);
  if (filter.roundId) query = query.where('m.round_id', '=', filter.roundId);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  if (filter.behind) query = query.where('m.status', '=', 'submitted').where('m.behind_schedule', '=', true);
  return query.orderBy('r.as_of', 'desc').orderBy('m.project_name').orderBy('m.id').limit(filter.limit).execute();
};

/** The latest submitted report on any revision of a project's declarations: what the self-evaluation starts from. */
export const findLatestSubmittedMonitoringReport = async (
  db: Db,
  project: { organizationId: string; fiscalYear: number; projectName: string },
): Promise<MonitoringReportListRow | undefined> =>
  db
    .selectFrom('monitoring_reports as m')
    .innerJoin('monitoring_rounds as r', 'r.id', 'm.round_id')
    .selectAll('m')
    .select('r.as_of')
    .where('m.organization_id', '=', project.organizationId)
    .where('m.fiscal_year', '=', project.fiscalYear)
    .where('m.project_name', '=', project.projectName)
    .where('m.status', '=', 'submitted')
    .orderBy('r.as_of', 'desc')
    .orderBy('m.submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/*
 * Reads of target_declarations that monitoring and the self-evaluation need. The declarations' own repository
 * (target-declarations.repository.ts) serves their workflow; these are the few queries the later stages make.
 */

export const findDeclarationForBudgetYear = async (db: Db, id: string): Promise<TargetDeclaration | undefined> =>
  db.selectFrom('target_declarations').selectAll().where('id', '=', id).executeTakeFirst();

/** The targets in force for a project and year: the approved revision no later revision has superseded. */
export const findApprovedDeclarationForProject = async (
  db: Db,
  project: { organizationId: string; fiscalYear: number; projectName: string },
): Promise<TargetDeclaration | undefined> =>
  db
    .selectFrom('target_declarations')
    .selectAll()
    .where('organization_id', '=', project.organizationId)
    .where('fiscal_year', '=', project.fiscalYear)
    .where('project_name', '=', project.projectName)
    .where('status', '=', 'approved')
    .where('superseded_at', 'is', null)
    .orderBy('revision_no', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Approved declarations in force of a year over the given units: the reports a monitoring round expects. */
export const countDeclarationsInForce = async (
  db: Db,
  fiscalYear: number,
  organizationIds: readonly string[] | undefined,
): Promise<number> => {
  if (organizationIds?.length === 0) return 0;
  let query = db
    .selectFrom('target_declarations')
    .where('fiscal_year', '=', fiscalYear)
    .where('status', '=', 'approved')
    .where('superseded_at', 'is', null);
  if (organizationIds) query = query.where('organization_id', 'in', organizationIds);
  const row = await query.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
};
