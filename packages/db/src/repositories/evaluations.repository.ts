import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Evaluation, EvaluationStatusColumn, EvaluationsTable } from '../schema.ts';
import { hasFindingOf } from './revision-findings.ts';

export const insertEvaluation = async (db: Db, values: Insertable<EvaluationsTable>): Promise<Evaluation> =>
  db.insertInto('evaluations').values(values).returningAll().executeTakeFirstOrThrow();

export const findEvaluationById = async (db: Db, id: string): Promise<Evaluation | undefined> =>
  db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for the rest of the transaction, so that concurrent transitions queue behind each other. */
/** The evaluation of a project (one per project and year). */
export const findEvaluationByProject = async (db: Db, projectId: string): Promise<Evaluation | undefined> =>
  db.selectFrom('evaluations').selectAll().where('project_id', '=', projectId).executeTakeFirst();

export const findEvaluationForUpdate = async (db: Db, id: string): Promise<Evaluation | undefined> =>
  db.selectFrom('evaluations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * Optimistic concurrency: applies the change only if the row still has `expectedVersion`, and bumps the
 * version. Returns undefined when someone else changed it first.
 */
export const updateEvaluationIfVersion = async (
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Omit<Updateable<EvaluationsTable>, 'version' | 'id'>,
): Promise<Evaluation | undefined> =>
  db
    .updateTable('evaluations')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type EvaluationFilter = {
  /** Restrict to these owning organizations; undefined means every organization. */
  organizationIds?: readonly string[] | undefined;
  status?: EvaluationStatusColumn | undefined;
  /** Restrict to these statuses as well (an empty list matches nothing). */
  statuses?: readonly EvaluationStatusColumn[] | undefined;
  fiscalYear?: number | undefined;
  /** The reviewed grade as stored on the evaluation (excellent, good, fair, poor). */
  grade?: string | undefined;
  /**
   * Each set: the current revision has a finding of one of its codes (every set must hold; an empty set matches
   * nothing).
   */
  findingCodeSets?: readonly (readonly string[])[] | undefined;
  /** Substring of the project name. */
  search?: string | undefined;
  limit: number;
  offset: number;
};

export type EvaluationListRow = Evaluation & { organization_name: string; department_name: string | null };

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export const listEvaluations = async (
  db: Db,
  filter: EvaluationFilter,
): Promise<{ items: EvaluationListRow[]; total: number }> => {
  if (
    filter.organizationIds?.length === 0 ||
    filter.statuses?.length === 0 ||
    filter.findingCodeSets?.some((codes) => codes.length === 0)
  )
    return { items: [], total: 0 };
  let query = db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as u', 'u.id', 'e.organization_id')
    .leftJoin('organizations as d', 'd.id', 'u.parent_id');
  if (filter.organizationIds) query = query.where('e.organization_id', 'in', filter.organizationIds);
  if (filter.status) query = query.where('e.status', '=', filter.status);
  if (filter.statuses) query = query.where('e.status', 'in', filter.statuses);
  if (filter.grade) query = query.where('e.grade', '=', filter.grade);
  for (const codes of filter.findingCodeSets ?? []) query = query.where(hasFindingOf(codes));
  if (filter.fiscalYear !== undefined) query = query.where('e.fiscal_year', '=', filter.fiscalYear);
  if (filter.search) query = query.where('e.project_name', 'like', `%${escapeLike(filter.search)}%`);
  const [items, count] = await Promise.all([
    query
      .selectAll('e')
      .select(['u.name as organization_name', 'd.name as department_name'])
      .orderBy('e.updated_at', 'desc')
      .orderBy('e.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
};

export type PublishedFilter = {
  fiscalYear?: number | undefined;
  department?: string | undefined;
  /** Substring of the project or the unit name, in any letter case. */
  search?: string | undefined;
  limit: number;
  offset: number;
};

export type PublishedListRow = {
  id: string;
  project_name: string;
  fiscal_year: number;
  total_score: string | null;
  grade: string | null;
  organization_name: string;
  department_name: string | null;
  updated_at: Date;
};

export const listPublishedEvaluations = async (
  db: Db,
  filter: PublishedFilter,
): Promise<{ items: PublishedListRow[]; total: number }> => {
  let query = db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as u', 'u.id', 'e.organization_id')
    .leftJoin('organizations as d', 'd.id', 'u.parent_id')
    .where('e.status', '=', 'published');
  if (filter.fiscalYear !== undefined) query = query.where('e.fiscal_year', '=', filter.fiscalYear);
  if (filter.department) query = query.where('d.name', '=', filter.department);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) => eb.or([eb('e.project_name', 'ilike', pattern), eb('u.name', 'ilike', pattern)]));
  }
  // Without a department or a search the count needs no join and is answered from the partial index alone.
  let countQuery = db.selectFrom('evaluations as e').where('e.status', '=', 'published');
  if (filter.fiscalYear !== undefined) countQuery = countQuery.where('e.fiscal_year', '=', filter.fiscalYear);
  const count =
    filter.department || filter.search
      ? query.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow()
      : countQuery.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  const [items, counted] = await Promise.all([
    query
      .select([
        'e.id',
        'e.project_name',
        'e.fiscal_year',
        'e.total_score',
        'e.grade',
        'e.updated_at',
        'u.name as organization_name',
        'd.name as department_name',
      ])
      .orderBy('e.fiscal_year', 'desc')
      .orderBy('e.project_name')
      .orderBy('e.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    count,
  ]);
  return { items, total: Number(counted.count) };
};

export type CurrentRevisionRow = {
  id: string;
  organization_id: string;
  organization_name: string;
  fiscal_year: number;
  status: Evaluation['status'];
  form: unknown;
  result: unknown;
};

/**
 * The current revision of every evaluation of the given units past the draft stage, for analyses across
 * units and years. Streams nothing: a district's few thousand evaluations fit in memory; a province would
 * page this by unit.
 */
export const listCurrentRevisions = async (
  db: Db,
  organizationIds: readonly string[],
): Promise<CurrentRevisionRow[]> => {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_revisions as r', 'r.id', 'e.current_revision_id')
    .innerJoin('organizations as u', 'u.id', 'e.organization_id')
    .select([
      'e.id',
      'e.organization_id',
      'u.name as organization_name',
      'e.fiscal_year',
      'e.status',
      'r.form',
      'r.result',
    ])
    .where('e.organization_id', 'in', organizationIds)
    .where('e.status', '!=', 'draft')
    .orderBy('e.fiscal_year')
    .orderBy('e.id')
    .execute();
};
