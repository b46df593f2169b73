import { randomUUID } from 'node:crypto';
import { AppError, DEFAULT_RULE_SET_ID, requireRuleSet } from '@jixiao/core';
import { insertBulkAuditJob, sha256Hex } from '@jixiao/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { BulkAuditRunner } from './bulk-audit-runner.ts';
import { assertBulkAuditor, type BulkAuditView, toBulkAuditView } from './bulk-audit-view.ts';
import { reportsInZip } from './reports-in-zip.ts';

export type StartBulkAuditInput = { fileName: string; bytes: Uint8Array; ruleSetId?: string | undefined };

/**
 * Takes a zip of reports and starts auditing them in the background; answers at once with the queued job.
 * The archive is opened here, so a zip that is cut short, hostile or holds no report is refused with its reason
 * and no job is left behind.
 */
export const startBulkAudit = async (
  ctx: ServiceContext,
  runner: BulkAuditRunner,
  actor: Actor,
  input: StartBulkAuditInput,
): Promise<BulkAuditView> => {
  assertBulkAuditor(actor);
  const ruleSetId = input.ruleSetId ?? DEFAULT_RULE_SET_ID;
  requireRuleSet(ruleSetId);
  if (!runner.hasRoom()) throw new AppError('RATE_LIMITED', '正在进行的批量审核任务较多，请等当前任务完成后再上传');
  // In the server, on an upload worker thread: a bomb is refused there while the main thread goes on serving.
  const contents = await (ctx.uploads?.reportsInZip ?? reportsInZip)(input.bytes, input.fileName);
  const { reports, skipped } = contents;
  const job = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertBulkAuditJob(trx, {
      id: randomUUID(),
      created_by: actor.userId,
      file_name: input.fileName,
      rule_set_id: ruleSetId,
      status: 'queued',
      total: reports.length,
      created_at: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: null,
      actorId: actor.userId,
      action: 'bulk_audit.start',
      entityType: 'bulk_audit_job',
      entityId: inserted.id,
      details: {
        fileName: input.fileName,
        sha256: sha256Hex(input.bytes),
        files: reports.length,
        skipped: skipped.length,
        ruleSetId,
      },
    });
    return inserted;
  });
  runner.start(job.id, contents, ruleSetId);
  return toBulkAuditView(job);
};
