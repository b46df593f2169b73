import { type Insertable, sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { Organization, OrganizationsTable } from '../schema.ts';

export const insertOrganization = async (db: Db, values: Insertable<OrganizationsTable>): Promise<Organization> =>
  db.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();

export const listOrganizations = async (db: Db): Promise<Organization[]> =>
  db.selectFrom('organizations').selectAll().orderBy('created_at').orderBy('name').execute();

/** The organisation and its ancestors up to the root (self first), in one recursive query. */
export const listOrganizationChain = async (db: Db, id: string): Promise<Organization[]> =>
  db
    .withRecursive('chain', (query) =>
      query
        .selectFrom('organizations')
        .selectAll()
        .select(sql<number>`0`.as('depth'))
        .where('id', '=', id)
        .unionAll((parents) =>
          parents
            .selectFrom('organizations')
            .innerJoin('chain', 'chain.parent_id', 'organizations.id')
            .selectAll('organizations')
            .select(sql<number>`chain.depth + 1`.as('depth')),
        ),
    )
    .selectFrom('chain')
    .select(['id', 'parent_id', 'kind', 'name', 'code', 'created_at', 'stopped_at'])
    .orderBy('depth')
    .execute();

export const findOrganizationById = async (db: Db, id: string): Promise<Organization | undefined> =>
  db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganizationByName = async (db: Db, name: string): Promise<Organization | undefined> =>
  db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();

export const countOrganizations = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

/** Renames an organisation or stops / restarts it; answers the row as it now is. */
export const updateOrganization = async (
  db: Db,
  id: string,
  patch: { name?: string; stopped_at?: Date | null },
): Promise<Organization | undefined> =>
  db.updateTable('organizations').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
