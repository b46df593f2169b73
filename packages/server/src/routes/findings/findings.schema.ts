import { z } from 'zod';
import { pagingQuery } from '../../http/common.schema.ts';

/** A finding's code; one an older version raised and this one no longer knows is still asked for by its code. */
export const findingCode = z
  .string()
  .regex(/^[A-Z0-9_]+$/)
  .max(64);

export const findingsQuery = z.strictObject({
  code: findingCode.optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pagingQuery,
});
