import { AppError } from '@jixiao/core';
import { type ImportWarning, readMonitoringFile } from '@jixiao/ingest';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { MAX_IMPORT_BYTES } from '../evaluations/import-file-into-draft.ts';
import { loadVisibleMonitoringReport, type MonitoringView, requireEditableReport } from './monitoring-view.ts';
import { saveMonitoringReportIn } from './update-monitoring-report.ts';

export type ImportMonitoringFileInput = {
  reportId: string;
  fileName: string;
  bytes: Uint8Array;
  version?: number | undefined;
};

export type ImportMonitoringFileOutput = MonitoringView & { warnings: ImportWarning[] };

/**
 * Fills a draft monitoring report from the unit's 执行监控表 (.xlsx / .xls / .docx). The round's date, the year and
 * the declared project's name stay the record's; what the reader could not use comes back as warnings.
 */
export const importMonitoringFile = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ImportMonitoringFileInput,
): Promise<ImportMonitoringFileOutput> => {
  if (input.bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError('FILE_TOO_LARGE');
  // Checked before the file is read, so that nobody can make the server parse files into a report not theirs.
  const tree = await loadOrganizationTree(ctx.db);
  requireEditableReport(await loadVisibleMonitoringReport(ctx.db, actor, tree, input.reportId), actor, tree);
  const read = await readMonitoringFile(input.bytes, input.fileName);
  if (!read.ok) throw read.error;
  const view = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleMonitoringReport(trx, actor, tree, input.reportId, { forUpdate: true });
    requireEditableReport(row, actor, tree, input.version);
    return saveMonitoringReportIn(ctx, trx, actor, row, read.value, {
      action: 'monitoring.import',
      details: { fileName: input.fileName, sheetName: read.sheetName, warnings: read.warnings.length },
    });
  });
  return { ...view, warnings: read.warnings };
};
