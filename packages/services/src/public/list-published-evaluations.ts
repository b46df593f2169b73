import type { PublishedListItem } from '@jixiao/core';
import { GRADE_LABELS, isGrade } from '@jixiao/core';
import { listPublishedEvaluations as listPublishedRows } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import type { Page } from '../evaluations/list-evaluations.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { publishedCache } from './published-cache.ts';

export type { PublishedListItem } from '@jixiao/core';

export type ListPublishedInput = {
  year?: number | undefined;
  department?: string | undefined;
  /** Part of the project or the unit name, in any letter case; blank is no search. */
  q?: string | undefined;
  page: number;
  pageSize: number;
};

const gradeLabel = (grade: string | null): string | null =>
  grade !== null && isGrade(grade) ? GRADE_LABELS[grade] : null;

const searchOf = (input: ListPublishedInput): string | undefined => input.q?.trim() || undefined;

// Kept as the JSON text the route sends: a cached page goes out without being serialised again.
const cached = publishedCache<string>();

/** Anonymous: a page of the published evaluations only, newest year first, as JSON text. */
export const listPublishedEvaluationsJson = (ctx: ServiceContext, input: ListPublishedInput): Promise<string> =>
  cached(ctx, JSON.stringify([input.year, input.department, searchOf(input), input.page, input.pageSize]), async () =>
    JSON.stringify(await loadPage(ctx, input)),
  );

/** Anonymous: a page of the published evaluations only, newest year first. */
export const listPublishedEvaluations = async (
  ctx: ServiceContext,
  input: ListPublishedInput,
): Promise<Page<PublishedListItem>> =>
  JSON.parse(await listPublishedEvaluationsJson(ctx, input)) as Page<PublishedListItem>;

const loadPage = async (ctx: ServiceContext, input: ListPublishedInput): Promise<Page<PublishedListItem>> => {
  const { items, total } = await readMayBeStale(ctx, (db) =>
    listPublishedRows(db, {
      fiscalYear: input.year,
      department: input.department,
      search: searchOf(input),
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    }),
  );
  return {
    items: items.map((row) => ({
      id: row.id,
      projectName: row.project_name,
      department: row.department_name,
      unit: row.organization_name,
      year: row.fiscal_year,
      totalScore: row.total_score === null ? null : Number(row.total_score),
      grade: row.grade,
      gradeLabel: gradeLabel(row.grade),
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export { gradeLabel };
