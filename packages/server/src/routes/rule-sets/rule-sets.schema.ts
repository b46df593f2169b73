import { z } from 'zod';

export const ruleSetsResponse = z.array(
  z.object({ id: z.string(), version: z.string(), name: z.string(), status: z.enum(['active', 'draft']) }),
);
