import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../connect.ts';
import type { FundBlocksTable, IndicatorResultsTable } from '../schema.ts';

export type FundBlock = Selectable<FundBlocksTable>;
export type IndicatorResult = Selectable<IndicatorResultsTable>;

/** The analytic copies of a revision's funds and indicator scores (the snapshot JSON stays the truth). */
export const insertRevisionFacts = async (
  db: Db,
  fundBlocks: Insertable<FundBlocksTable>[],
  indicatorResults: Insertable<IndicatorResultsTable>[],
): Promise<void> => {
  if (fundBlocks.length > 0) await db.insertInto('fund_blocks').values(fundBlocks).execute();
  if (indicatorResults.length > 0) await db.insertInto('indicator_results').values(indicatorResults).execute();
};

export const listFundBlocks = async (db: Db, revisionId: string): Promise<FundBlock[]> =>
  db.selectFrom('fund_blocks').selectAll().where('revision_id', '=', revisionId).orderBy('source').execute();

export const listIndicatorResults = async (db: Db, revisionId: string): Promise<IndicatorResult[]> =>
  db.selectFrom('indicator_results').selectAll().where('revision_id', '=', revisionId).orderBy('row_index').execute();
