import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { MonitoringRound, MonitoringRoundsTable } from '../schema.ts';

export const insertMonitoringRound = async (db: Db, row: Insertable<MonitoringRoundsTable>): Promise<MonitoringRound> =>
  db.insertInto('monitoring_rounds').values(row).returningAll().executeTakeFirstOrThrow();

export const findMonitoringRound = async (db: Db, id: string): Promise<MonitoringRound | undefined> =>
  db.selectFrom('monitoring_rounds').selectAll().where('id', '=', id).executeTakeFirst();

export const findMonitoringRoundByDate = async (
  db: Db,
  fiscalYear: number,
  asOf: string,
): Promise<MonitoringRound | undefined> =>
  db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .where('as_of', '=', asOf)
    .executeTakeFirst();

/** Rounds newest first (a year has one or two). */
export const listMonitoringRounds = async (db: Db, fiscalYear?: number): Promise<MonitoringRound[]> => {
  let query = db.selectFrom('monitoring_rounds').selectAll();
  if (fiscalYear !== undefined) query = query.where('fiscal_year', '=', fiscalYear);
  return query.orderBy('fiscal_year', 'desc').orderBy('as_of', 'desc').orderBy('id').execute();
};

/** The year's latest monitoring date: what the dashboard reports on. */
export const findLatestMonitoringRound = async (db: Db, fiscalYear: number): Promise<MonitoringRound | undefined> =>
  db
    .selectFrom('monitoring_rounds')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('as_of', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
