import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../connect.ts';
import type { ProjectsTable } from '../schema.ts';

export type Project = Selectable<ProjectsTable>;

export const insertProject = async (db: Db, values: Insertable<ProjectsTable>): Promise<Project> =>
  db.insertInto('projects').values(values).returningAll().executeTakeFirstOrThrow();

export const findProject = async (
  db: Db,
  organizationId: string,
  fiscalYear: number,
  name: string,
): Promise<Project | undefined> =>
  db
    .selectFrom('projects')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('fiscal_year', '=', fiscalYear)
    .where('name', '=', name)
    .executeTakeFirst();
