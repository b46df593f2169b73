import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Appeal, AppealStatus, AppealsTable, Review } from '../schema.ts';

export const insertAppeal = async (db: Db, values: Insertable<AppealsTable>): Promise<Appeal> =>
  db.insertInto('appeals').values(values).returningAll().executeTakeFirstOrThrow();

export const findAppeal = async (db: Db, id: string): Promise<Appeal | undefined> =>
  db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();

/** The appeal, locked for the ruling: two reviewers ruling at once are serialised, the second sees it ruled. */
export const findAppealForUpdate = async (db: Db, id: string): Promise<Appeal | undefined> =>
  db.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const listAppealsOfEvaluation = async (db: Db, evaluationId: string): Promise<Appeal[]> =>
  db
    .selectFrom('appeals')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();

/** Appeals of the given units, pending first, then newest first. */
export const listAppealsOfOrganizations = async (
  db: Db,
  organizationIds: readonly string[],
  status?: AppealStatus,
): Promise<Appeal[]> => {
  if (organizationIds.length === 0) return [];
  let query = db.selectFrom('appeals').selectAll().where('organization_id', 'in', organizationIds);
  if (status) query = query.where('status', '=', status);
  return query
    .orderBy((eb) => eb.case().when('status', '=', 'pending').then(0).else(1).end())
    .orderBy('filed_at', 'desc')
    .orderBy('id')
    .execute();
};

export type AppealRuling = {
  status: Exclude<AppealStatus, 'pending'>;
  amended_score: number | null;
  amended_grade: string | null;
  withdrawn_findings: string[];
  ruled_by: string;
  ruled_at: Date;
  ruling_reason: string;
  ruled_by_sole_reviewer: boolean;
};

/** Rules a pending appeal; undefined when it was ruled meanwhile. */
export const ruleAppealIfPending = async (db: Db, id: string, ruling: AppealRuling): Promise<Appeal | undefined> =>
  db
    .updateTable('appeals')
    .set({ ...ruling, withdrawn_findings: JSON.stringify(ruling.withdrawn_findings) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();

/**
 * The appeal that last changed an evaluation's result on one revision, if a ruling did: an amendment of a
 * decision on an earlier revision (a return the unit then resubmitted) no longer applies.
 */
export const findLatestAmendment = async (
  db: Db,
  evaluationId: string,
  revisionId: string,
): Promise<Appeal | undefined> =>
  db
    .selectFrom('appeals as a')
    .innerJoin('reviews as r', 'r.id', 'a.review_id')
    .selectAll('a')
    .where('a.evaluation_id', '=', evaluationId)
    .where('r.revision_id', '=', revisionId)
    .where('a.status', '=', 'amended')
    .orderBy('a.ruled_at', 'desc')
    .orderBy('a.id', 'desc')
    .executeTakeFirst();

/** The bureau's appeal period for a fiscal year, when it set one. */
export const findAppealPeriodDays = async (db: Db, bureauId: string, fiscalYear: number): Promise<number | undefined> =>
  (
    await db
      .selectFrom('result_application_policies')
      .select('appeal_period_days')
      .where('bureau_id', '=', bureauId)
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst()
  )?.appeal_period_days;

/** Rewrites the stored public page of the publication in force (a ruling changed the published result). */
export const replaceActivePublicView = async (db: Db, evaluationId: string, publicView: string): Promise<boolean> =>
  (
    await db
      .updateTable('publications')
      .set({ public_view: publicView })
      .where('evaluation_id', '=', evaluationId)
      .where('unpublished_at', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows > 0n;

/** The enabled accounts holding the finance reviewer role on the bureau: who may rule on an appeal. */
export const listFinanceReviewerIds = async (db: Db, bureauId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('u.id')
      .distinct()
      .where('r.organization_id', '=', bureauId)
      .where('r.role', '=', 'finance_reviewer')
      .where('u.disabled', '=', false)
      .execute()
  ).map((row) => row.id);

/** Display names of the people named on appeals (filer, ruler, the decision's reviewer). */
export const appealParticipantNames = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
};

export const findReview = async (db: Db, id: string): Promise<Review | undefined> =>
  db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
