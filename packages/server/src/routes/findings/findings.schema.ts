import { z } from 'zod';
import { pagingQuery } from '../../http/common.schema.ts';

export const findingsQuery = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z0-9_]+$/)
    .max(64)
    .optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pagingQuery,
});
