import { AUDIT_TRAIL_PAGE_DEFAULT, AUDIT_TRAIL_PAGE_MAX } from '@jixiao/services';
import { z } from 'zod';

/** Keyset paging of an evaluation's trail: `after` is the `nextAfter` of the page before (a `seq`). */
export const auditTrailQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_TRAIL_PAGE_MAX)
    .default(AUDIT_TRAIL_PAGE_DEFAULT)
    .describe(`每页条数，最多 ${AUDIT_TRAIL_PAGE_MAX}`),
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('上一页的 nextAfter'),
});
