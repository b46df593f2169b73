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
