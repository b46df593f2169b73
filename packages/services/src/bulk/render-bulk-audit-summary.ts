import { AppError, currentBulkSummary, type StoredBulkSummary } from '@jixiao/core';
import { contentDisposition, renderBulkSummaryHtml, renderBulkSummaryXlsx } from '@jixiao/reports';
import type { Actor, ServiceContext } from '../context.ts';
import type { RenderedDocument } from '../documents/render-evaluation-document.ts';
import { loadOwnBulkAudit } from './bulk-audit-view.ts';

export const BULK_SUMMARY_KINDS = ['summary.xlsx', 'summary.html', 'summary.json'] as const;
export type BulkSummaryKind = (typeof BULK_SUMMARY_KINDS)[number];

const CONTENT_TYPES: Record<BulkSummaryKind, string> = {
  'summary.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'summary.html': 'text/html; charset=utf-8',
  'summary.json': 'application/json; charset=utf-8',
};

/** 收到的报告.zip → 收到的报告-批量审核结果.xlsx */
const summaryFileName = (zipName: string, kind: BulkSummaryKind): string => {
  const base = zipName
    .replace(/\.zip$/iu, '')
    .replace(/[\\/:*?"<>|\r\n\t]+/gu, '')
    .trim();
  return `${base ? `${base}-` : ''}批量审核结果.${kind.split('.')[1]}`;
};

const summaryBytes = async (json: string, kind: BulkSummaryKind, title: string): Promise<Uint8Array> => {
  switch (kind) {
    case 'summary.json':
      return new TextEncoder().encode(json);
    case 'summary.xlsx':
      return renderBulkSummaryXlsx(currentBulkSummary(JSON.parse(json) as StoredBulkSummary));
    case 'summary.html':
      return new TextEncoder().encode(
        renderBulkSummaryHtml(currentBulkSummary(JSON.parse(json) as StoredBulkSummary), title),
      );
  }
};

/**
 * A finished job's summary as a download: the workbook, the self-contained page (its sorting script runs where
 * the file is opened, so it is only ever sent as an attachment), or the JSON as stored.
 */
export const renderBulkAuditSummary = async (
  ctx: ServiceContext,
  actor: Actor,
  jobId: string,
  kind: BulkSummaryKind,
): Promise<RenderedDocument> => {
  const job = await loadOwnBulkAudit(ctx.db, actor, jobId);
  if (job.summary === null)
    throw new AppError(
      'INVALID_TRANSITION',
      job.status === 'failed' ? '该批量审核任务失败，没有可下载的结果' : '批量审核尚未完成，完成后才能下载结果',
    );
  const fileName = summaryFileName(job.file_name, kind);
  return {
    fileName,
    contentType: CONTENT_TYPES[kind],
    contentDisposition: contentDisposition(fileName),
    bytes: await summaryBytes(job.summary, kind, `${job.file_name} 批量审核结果`),
  };
};
