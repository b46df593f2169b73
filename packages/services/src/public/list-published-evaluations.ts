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
  page: number;
  pageSize: number;
};

const gradeLabel = (grade: string | null): string | null =>
  grade !== null && isGrade(grade) ? GRADE_LABELS[grade] : null;

const cached = publishedCache<Page<PublishedListItem>>();

/** Anonymous: the published evaluations only, newest year first. */
export const listPublishedEvaluations = (
  ctx: ServiceContext,
  input: ListPublishedInput,
): Promise<Page<PublishedListItem>> =>
  cached(ctx, JSON.stringify([input.year, input.department, input.page, input.pageSize]), () => loadPage(ctx, input));

const loadPage = async (ctx: ServiceContext, input: ListPublishedInput): Promise<Page<PublishedListItem>> => {
  const { items, total } = await readMayBeStale(ctx, (db) =>
    listPublishedRows(db, {
      fiscalYear: input.year,
      department: input.department,
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
