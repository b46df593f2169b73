import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Attachment, RectificationItem, RectificationItemsTable, RectificationStatus } from '../schema.ts';

/** Closed (销号) or cancelled (撤销): nothing left to do, never late, no finding. */
const SETTLED: readonly RectificationStatus[] = ['closed', 'cancelled'];

export const insertRectificationItem = async (
  db: Db,
  row: Insertable<RectificationItemsTable>,
): Promise<RectificationItem> =>
  db.insertInto('rectification_items').values(row).returningAll().executeTakeFirstOrThrow();

export const findRectificationItem = async (db: Db, id: string): Promise<RectificationItem | undefined> =>
  db.selectFrom('rectification_items').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for the rest of the transaction, so that concurrent changes of one item queue behind each other. */
export const findRectificationItemForUpdate = async (db: Db, id: string): Promise<RectificationItem | undefined> =>
  db.selectFrom('rectification_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * Optimistic concurrency, as for evaluations: applies the change only if the row still has `expectedVersion`,
 * and bumps the version. Returns undefined when someone else changed it first.
 */
export type RectificationItemChanges = Omit<Updateable<RectificationItemsTable>, 'version' | 'id'>;

export const updateRectificationItemIfVersion = async (
  db: Db,
  id: string,
  expectedVersion: number,
  changes: RectificationItemChanges,
): Promise<RectificationItem | undefined> =>
  db
    .updateTable('rectification_items')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();

export type RectificationItemFilter = {
  /** Restrict to these owning organizations; undefined means every organization. */
  organizationIds?: readonly string[] | undefined;
  status?: RectificationStatus | undefined;
  evaluationId?: string | undefined;
  fiscalYear?: number | undefined;
  /** Only items not settled (closed or cancelled) whose deadline is before this date ('YYYY-MM-DD'). */
  overdueBefore?: string | undefined;
  limit: number;
  offset: number;
};

export type RectificationItemListRow = RectificationItem & {
  organization_name: string;
  department_name: string | null;
};

/**
 * Items with their unit's and department's names. Order: overdue first (not settled, deadline before `today`),
 * then open work by deadline, closed and cancelled items last.
 */
export const listRectificationItems = async (
  db: Db,
  filter: RectificationItemFilter,
  today: string,
): Promise<{ items: RectificationItemListRow[]; total: number }> => {
  if (filter.organizationIds?.length === 0) return { items: [], total: 0 };
  let query = db
    .selectFrom('rectification_items as r')
    .innerJoin('organizations as u', 'u.id', 'r.organization_id')
    .leftJoin('organizations as d', 'd.id', 'u.parent_id');
  if (filter.organizationIds) query = query.where('r.organization_id', 'in', filter.organizationIds);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.evaluationId) query = query.where('r.evaluation_id', '=', filter.evaluationId);
  if (filter.fiscalYear !== undefined) query = query.where('r.fiscal_year', '=', filter.fiscalYear);
  if (filter.overdueBefore) {
    query = query.where('r.status', 'not in', SETTLED).where('r.deadline', '<', filter.overdueBefore);
  }
  const [items, count] = await Promise.all([
    query
      .selectAll('r')
      .select(['u.name as organization_name', 'd.name as department_name'])
      .orderBy(sql`CASE WHEN r.status IN ('closed', 'cancelled') THEN 2 WHEN r.deadline < ${today} THEN 0 ELSE 1 END`)
      .orderBy('r.deadline')
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
};

/** Items of the same project (unit + project name) from earlier fiscal years not yet closed (nor cancelled). */
export const listUnclosedItemsOfEarlierYears = async (
  db: Db,
  project: { organizationId: string; projectName: string; beforeYear: number },
): Promise<RectificationItem[]> =>
  db
    .selectFrom('rectification_items')
    .selectAll()
    .where('organization_id', '=', project.organizationId)
    .where('project_name', '=', project.projectName)
    .where('fiscal_year', '<', project.beforeYear)
    .where('status', 'not in', SETTLED)
    .orderBy('deadline')
    .orderBy('id')
    .execute();

export type RectificationCounts = { open: number; overdue: number; submitted: number };

/**
 * Counts for the dashboard over the given units: items not settled ('open' counts open and in_progress work),
 * those past their deadline, and those submitted and awaiting the reviewer's closing decision.
 */
export const countRectificationItems = async (
  db: Db,
  organizationIds: readonly string[],
  today: string,
): Promise<RectificationCounts> => {
  if (organizationIds.length === 0) return { open: 0, overdue: 0, submitted: 0 };
  const row = await db
    .selectFrom('rectification_items')
    .where('organization_id', 'in', organizationIds)
    .where('status', 'not in', SETTLED)
    .select([
      sql<string | number>`count(*) FILTER (WHERE status IN ('open', 'in_progress'))`.as('open'),
      sql<string | number>`count(*) FILTER (WHERE deadline < ${today})`.as('overdue'),
      sql<string | number>`count(*) FILTER (WHERE status = 'submitted')`.as('submitted'),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), submitted: Number(row.submitted) };
};

/** The evidence files of one item (everything but their bytes), in upload order. */
export const listRectificationEvidence = async (
  db: Db,
  rectificationItemId: string,
): Promise<Omit<Attachment, 'bytes'>[]> =>
  db
    .selectFrom('attachments')
    .select([
      'id',
      'organization_id',
      'evaluation_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'created_by',
      'created_at',
      'purpose',
      'indicator_name',
      'rectification_item_id',
      'appeal_id',
    ])
    .where('rectification_item_id', '=', rectificationItemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** How many evidence files an item has (a unit submits its work with at least one). */
export const countRectificationEvidence = async (db: Db, rectificationItemId: string): Promise<number> => {
  const row = await db
    .selectFrom('attachments')
    .where('rectification_item_id', '=', rectificationItemId)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
};

export type LaterEvaluationItemRow = {
  evaluation_id: string;
  project_name: string;
  fiscal_year: number;
  organization_name: string;
  evaluation_status: string;
  item_id: string;
  item_fiscal_year: number;
  description: string;
  deadline: string;
  item_status: RectificationStatus;
};

/**
 * For the evaluations of the given units (of one year when given), each unclosed item of an earlier year of the
 * same project: what the cross-unit findings list needs to raise RECTIFICATION_OPEN / _OVERDUE when read.
 */
export const listUnclosedItemsOfLaterEvaluations = async (
  db: Db,
  filter: { organizationIds: readonly string[]; fiscalYear?: number | undefined },
): Promise<LaterEvaluationItemRow[]> => {
  if (filter.organizationIds.length === 0) return [];
  let query = db
    .selectFrom('evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .innerJoin('rectification_items as r', (join) =>
      join
        .onRef('r.organization_id', '=', 'e.organization_id')
        .onRef('r.project_name', '=', 'e.project_name')
        .onRef('r.fiscal_year', '<', 'e.fiscal_year'),
    )
    .where('e.organization_id', 'in', filter.organizationIds)
    .where('r.status', 'not in', SETTLED);
  if (filter.fiscalYear !== undefined) query = query.where('e.fiscal_year', '=', filter.fiscalYear);
  return query
    .select([
      'e.id as evaluation_id',
      'e.project_name',
      'e.fiscal_year',
      'o.name as organization_name',
      'e.status as evaluation_status',
      'r.id as item_id',
      'r.fiscal_year as item_fiscal_year',
      'r.description',
      'r.deadline',
      'r.status as item_status',
    ])
    .orderBy('e.fiscal_year', 'desc')
    .orderBy('o.name')
    .orderBy('e.project_name')
    .orderBy('e.id')
    .orderBy('r.deadline')
    .orderBy('r.id')
    .execute();
};
