import { safeText } from '@jixiao/core';
import { z } from 'zod';
import { pagingQuery } from '../../http/common.schema.ts';

/** Longer than any project or unit name a search could usefully hold. */
export const PUBLIC_SEARCH_MAX_LENGTH = 100;

export const publicListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  department: safeText().min(1).max(200).optional(),
  /** Part of a project or unit name; surrounding spaces dropped, a blank search is no search. */
  q: safeText().trim().max(PUBLIC_SEARCH_MAX_LENGTH).optional(),
  ...pagingQuery,
});

export const publicListItem = z.object({
  id: z.string(),
  projectName: z.string(),
  department: z.string().nullable(),
  unit: z.string(),
  year: z.number(),
  totalScore: z.number().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
});

export const publicListResponse = z.object({
  items: z.array(publicListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const openDataQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** The CSV also says which header rows to write: Chinese names (default), field names, or both. */
export const openDataCsvQuery = openDataQuery.extend({ header: z.enum(['zh', 'en', 'both']).optional() });
