import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  /** Present when a read replica is configured; the server stays healthy without it (reads fall back). */
  replica: z
    .object({
      state: z.enum(['starting', 'ready', 'lagging', 'not_standby', 'unreachable']),
      lagBytes: z.number().int().nullable(),
      checkedAt: z.string().nullable(),
    })
    .optional(),
});
