import { safeText } from '@jixiao/core';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const reasonBody = z.strictObject({
  reason: safeText().max(2000).optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
