import { AppError } from '@jixiao/core';
import { findMonitoringRound } from '@jixiao/db';
import {
  contentDisposition,
  type MonitoringDocumentInput,
  monitoringFileName,
  renderMonitoringHtml,
  renderMonitoringXlsx,
} from '@jixiao/reports';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type RenderedDocument, renderPdf } from '../documents/render-evaluation-document.ts';
import { loadVisibleMonitoringReport, pinnedReport, storedReport } from './monitoring-view.ts';

export const MONITORING_DOCUMENT_KINDS = ['xlsx', 'pdf'] as const;
export type MonitoringDocumentKind = (typeof MONITORING_DOCUMENT_KINDS)[number];

const CONTENT_TYPES: Record<MonitoringDocumentKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const renderBytes = async (input: MonitoringDocumentInput, kind: MonitoringDocumentKind): Promise<Uint8Array> => {
  switch (kind) {
    case 'xlsx':
      return renderMonitoringXlsx(input);
    case 'pdf':
      return renderPdf(renderMonitoringHtml(input));
  }
};

/** 项目支出绩效目标执行监控表 as Excel or PDF, in the official layout, for whoever may see the report. */
export const renderMonitoringDocument = async (
  ctx: ServiceContext,
  actor: Actor,
  reportId: string,
  kind: MonitoringDocumentKind,
): Promise<RenderedDocument> => {
  const tree = await loadOrganizationTree(ctx.db);
  const row = await loadVisibleMonitoringReport(ctx.db, actor, tree, reportId);
  const round = await findMonitoringRound(ctx.db, row.round_id);
  if (!round) throw new AppError('INTERNAL');
  const input: MonitoringDocumentInput = {
    report: pinnedReport(storedReport(row), row, round.as_of),
    organizationName: tree.byId.get(row.organization_id)?.name ?? '',
  };
  const fileName = monitoringFileName(input, kind);
  return {
    fileName,
    contentType: CONTENT_TYPES[kind],
    contentDisposition: contentDisposition(fileName),
    bytes: await renderBytes(input, kind),
  };
};
