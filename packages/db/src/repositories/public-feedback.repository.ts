import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type { FeedbackStatus, PublicFeedback, PublicFeedbackTable } from '../schema.ts';

export const insertPublicFeedback = async (db: Db, row: Insertable<PublicFeedbackTable>): Promise<PublicFeedback> =>
  db.insertInto('public_feedback').values(row).returningAll().executeTakeFirstOrThrow();

/** Locks the row for the rest of the transaction, so two moderators' actions on one message queue. */
export const findPublicFeedbackForUpdate = async (db: Db, id: string): Promise<PublicFeedback | undefined> =>
  db.selectFrom('public_feedback').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updatePublicFeedback = async (
  db: Db,
  id: string,
  changes: Omit<Updateable<PublicFeedbackTable>, 'id'>,
): Promise<PublicFeedback> =>
  db.updateTable('public_feedback').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/**
 * How many messages one source (keyed hash of an address) sent since `since`, over all reports or on one
 * (public_feedback_source_idx).
 */
export const countFeedbackFromSource = async (
  db: Db,
  { sourceHash, since, evaluationId }: { sourceHash: string; since: Date; evaluationId?: string },
): Promise<number> => {
  let query = db
    .selectFrom('public_feedback')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('source_hash', '=', sourceHash)
    .where('created_at', '>=', since);
  if (evaluationId) query = query.where('evaluation_id', '=', evaluationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
};

export type PublishedFeedbackRow = Pick<PublicFeedback, 'id' | 'body' | 'reply' | 'created_at' | 'moderated_at'>;

/** The published messages on an evaluation with the bureau's replies, oldest first (the portal reads them). */
export const listPublishedFeedback = async (db: Db, evaluationId: string): Promise<PublishedFeedbackRow[]> =>
  db
    .selectFrom('public_feedback')
    .select(['id', 'body', 'reply', 'created_at', 'moderated_at'])
    .where('evaluation_id', '=', evaluationId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export type FeedbackListRow = PublicFeedback & {
  project_name: string;
  fiscal_year: number;
  organization_name: string;
  drafted_by_name: string | null;
  moderated_by_name: string | null;
};

/** Messages with their report's project and unit and the names of the staff who handled them. */
const feedbackWithNames = (db: Db) =>
  db
    .selectFrom('public_feedback as f')
    .innerJoin('evaluations as e', 'e.id', 'f.evaluation_id')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .leftJoin('users as drafter', 'drafter.id', 'f.reply_drafted_by')
    .leftJoin('users as moderator', 'moderator.id', 'f.moderated_by')
    .selectAll('f')
    .select([
      'e.project_name',
      'e.fiscal_year',
      'o.name as organization_name',
      'drafter.display_name as drafted_by_name',
      'moderator.display_name as moderated_by_name',
    ]);

export const findFeedbackListRow = async (db: Db, id: string): Promise<FeedbackListRow | undefined> =>
  feedbackWithNames(db).where('f.id', '=', id).executeTakeFirst();

/** The most a list returns: a district's feedback of a few years, waiting ones first. */
export const FEEDBACK_LIST_LIMIT = 500;

/** Messages on the evaluations of the given units: waiting ones first, then newest first. */
export const listFeedbackOfUnits = async (
  db: Db,
  { organizationIds, status }: { organizationIds: readonly string[]; status?: FeedbackStatus | undefined },
): Promise<FeedbackListRow[]> => {
  if (organizationIds.length === 0) return [];
  let query = feedbackWithNames(db).where('f.organization_id', 'in', organizationIds);
  if (status) query = query.where('f.status', '=', status);
  return query
    .orderBy((eb) => eb.case().when('f.status', '=', 'pending').then(0).else(1).end())
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id')
    .limit(FEEDBACK_LIST_LIMIT)
    .execute();
};
