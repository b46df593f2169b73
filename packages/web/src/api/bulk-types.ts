// The bulk audit answers of /api/bulk-audits; signed-in chunks only.
export type { BulkAuditDetail, BulkAuditStatus, BulkAuditView } from '@jixiao/core';
