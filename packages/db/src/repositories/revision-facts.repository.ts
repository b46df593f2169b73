import type { Selectable } from 'kysely';
import type { Db } from '../connect.ts';
import type { FundBlocksTable, IndicatorResultsTable } from '../schema.ts';

export type FundBlock = Selectable<FundBlocksTable>;
export type IndicatorResult = Selectable<IndicatorResultsTable>;

export const listFundBlocks = async (db: Db, revisionId: string): Promise<FundBlock[]> =>
  db.selectFrom('fund_blocks').selectAll().where('revision_id', '=', revisionId).orderBy('source').execute();

export const listIndicatorResults = async (db: Db, revisionId: string): Promise<IndicatorResult[]> =>
  db.selectFrom('indicator_results').selectAll().where('revision_id', '=', revisionId).orderBy('row_index').execute();
