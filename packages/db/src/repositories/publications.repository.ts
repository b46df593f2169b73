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

/** Evaluations published now (`e`), each with the publication in force (`p`): what the public may see. */
const publishedNow = (db: Db) =>
  db
    .selectFrom('evaluations as e')
    .innerJoin('publications as p', (join) =>
      join.onRef('p.evaluation_id', '=', 'e.id').on('p.unpublished_at', 'is', null),
    )
    .where('e.status', '=', 'published');

export type PublishedViewRow = {
  /** The public page stored at publishing; null for a publication made before migration 0007. */
  public_view: string | null;
  /** The unit whose page it is: the caller names it (and its 主管部门) as the organisation tree does now. */
  organization_id: string;
};

/**
 * The stored public JSON of an evaluation that is published now; undefined when it is not published. The
 * organisation names are not joined in: per request, two more joins cost PostgreSQL several times this lookup
 * (BENCHMARKS.md, public detail), and the caller holds the small, rarely changed organisation tree.
 */
export const findPublishedView = async (db: Db, evaluationId: string): Promise<PublishedViewRow | undefined> =>
  publishedNow(db).select(['p.public_view', 'e.organization_id']).where('e.id', '=', evaluationId).executeTakeFirst();

/** The fiscal years that have a published evaluation, newest first. */
export const listPublishedYears = async (db: Db): Promise<number[]> =>
  (
    await db
      .selectFrom('evaluations')
      .select('fiscal_year')
      .distinct()
      .where('status', '=', 'published')
      .orderBy('fiscal_year', 'desc')
      .execute()
  ).map((row) => row.fiscal_year);

/** Where a page of published pages ended: the next page starts after it. */
export type PublishedPageCursor = { projectName: string; id: string };

export type PublishedPageRow = {
  id: string;
  fiscal_year: number;
  project_name: string;
  organization_name: string;
  department_name: string | null;
  /** The public page stored at publishing; null for a publication made before migration 0007. */
  public_view: string | null;
};

/**
 * One page of the published evaluations of a year with their stored public pages, in the public list's order
 * (project name, then id), after `after`. Keyset paging within one year follows the published-listing index
 * (year, project name, id) from where the last page ended, so every page costs the same however deep it is.
 */
export const listPublishedPagesOfYear = async (
  db: Db,
  { fiscalYear, after, limit }: { fiscalYear: number; after: PublishedPageCursor | null; limit: number },
): Promise<PublishedPageRow[]> => {
  let query = publishedNow(db)
    .innerJoin('organizations as u', 'u.id', 'e.organization_id')
    .leftJoin('organizations as d', 'd.id', 'u.parent_id')
    .where('e.fiscal_year', '=', fiscalYear);
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('e.project_name', 'e.id'), '>', eb.tuple(after.projectName, after.id)));
  }
  return query
    .select([
      'e.id',
      'e.fiscal_year',
      'e.project_name',
      'u.name as organization_name',
      'd.name as department_name',
      'p.public_view',
    ])
    .orderBy('e.project_name')
    .orderBy('e.id')
    .limit(limit)
    .execute();
};

/** The revision an evaluation's publication in force shows; undefined when it is not published now. */
export const findPublishedRevisionId = async (db: Db, evaluationId: string): Promise<string | undefined> =>
  (await publishedNow(db).select('p.revision_id').where('e.id', '=', evaluationId).executeTakeFirst())?.revision_id;
