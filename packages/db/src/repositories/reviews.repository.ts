import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Review, ReviewsTable } from '../schema.ts';

export const insertReview = async (db: Db, values: Insertable<ReviewsTable>): Promise<Review> =>
  db.insertInto('reviews').values(values).returningAll().executeTakeFirstOrThrow();

export const listReviews = async (db: Db, evaluationId: string): Promise<Review[]> =>
  db
    .selectFrom('reviews')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export type ReturnRow = Review & { reviewer_name: string };

/** The latest return of each given evaluation that has one, with the returning reviewer's name. */
export const listLatestReturns = async (db: Db, evaluationIds: readonly string[]): Promise<ReturnRow[]> => {
  if (evaluationIds.length === 0) return [];
  return db
    .selectFrom('reviews')
    .innerJoin('users', 'users.id', 'reviews.reviewer_id')
    .selectAll('reviews')
    .select('users.display_name as reviewer_name')
    .distinctOn('reviews.evaluation_id')
    .where('reviews.evaluation_id', 'in', [...evaluationIds])
    .where('reviews.decision', '=', 'returned')
    .orderBy('reviews.evaluation_id')
    .orderBy('reviews.created_at', 'desc')
    .orderBy('reviews.id', 'desc')
    .execute();
};
