import type { BulkSummary } from '@jixiao/core';

// The bulk audit answers of /api/bulk-audits (services/bulk/bulk-audit-view.ts); signed-in chunks only.

export type BulkAuditStatus = 'queued' | 'running' | 'done' | 'failed';

export type BulkAuditView = {
  id: string;
  fileName: string;
  ruleSetId: string;
  status: BulkAuditStatus;
  done: number;
  total: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type BulkAuditDetail = BulkAuditView & { summary: BulkSummary | null };
