import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Publication, PublicationsTable } from '../schema.ts';

export const insertPublication = async (db: Db, values: Insertable<PublicationsTable>): Promise<Publication> =>
  db.insertInto('publications').values(values).returningAll().executeTakeFirstOrThrow();

/** The publication currently in force (not withdrawn), if any. */
export const findActivePublication = async (db: Db, evaluationId: string): Promise<Publication | undefined> =>
  db
    .selectFrom('publications')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .where('unpublished_at', 'is', null)
    .executeTakeFirst();

export const markUnpublished = async (
  db: Db,
  publicationId: string,
  by: string,
  at: Date,
  reason: string,
): Promise<void> => {
  await db
    .updateTable('publications')
    .set({ unpublished_by: by, unpublished_at: at, unpublish_reason: reason })
    .where('id', '=', publicationId)
    .execute();
};

export const listPublications = async (db: Db, evaluationId: string): Promise<Publication[]> =>
  db.selectFrom('publications').selectAll().where('evaluation_id', '=', evaluationId).orderBy('published_at').execute();

/** The stored public JSON of an evaluation that is published now; undefined when it is not published. */
export const findPublishedView = async (
  db: Db,
  evaluationId: string,
): Promise<{ public_view: string | null } | undefined> =>
  db
    .selectFrom('publications as p')
    .innerJoin('evaluations as e', 'e.id', 'p.evaluation_id')
    .select('p.public_view')
    .where('e.id', '=', evaluationId)
    .where('e.status', '=', 'published')
    .where('p.unpublished_at', 'is', null)
    .executeTakeFirst();
