import { randomUUID } from 'node:crypto';
import { AppError, declarationFormSchema, monitoringFromDeclaration } from '@jixiao/core';
import {
  findDeclarationForBudgetYear,
  findMonitoringReportOfRound,
  findMonitoringRound,
  insertMonitoringReport,
} from '@jixiao/db';
import { canSee, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { isUnitFillerOf, type MonitoringView, toMonitoringView } from './monitoring-view.ts';

export type CreateMonitoringReportInput = { roundId: string; declarationId: string };

/**
 * 运行监控填报: the unit's filler opens the round's report on one approved declaration in force (not superseded by
 * a later 调整) of the round's year, pre-filled with the declared budget and indicators. One report per round and
 * declaration: a second attempt names the existing one.
 */
export const createMonitoringReport = async (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateMonitoringReportInput,
): Promise<MonitoringView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const round = await findMonitoringRound(trx, input.roundId);
    if (!round) throw new AppError('NOT_FOUND', '监控时点不存在');
    const declaration = await findDeclarationForBudgetYear(trx, input.declarationId);
    if (!declaration || !canSee(actor, tree, declaration.organization_id)) {
      throw new AppError('NOT_FOUND', '绩效目标申报不存在或无权查看');
    }
    if (!isUnitFillerOf(actor, tree, declaration.organization_id)) {
      throw new AppError('FORBIDDEN', '只有本单位的填报人员可以填写监控表');
    }
    if (declaration.status !== 'approved' || declaration.superseded_at !== null) {
      throw new AppError('INVALID_TRANSITION', '只能对已批复且现行有效的绩效目标填报运行监控');
    }
    if (declaration.fiscal_year !== round.fiscal_year) {
      throw new AppError(
        'VALIDATION_FAILED',
        `该绩效目标属于 ${declaration.fiscal_year} 年度，监控时点属于 ${round.fiscal_year} 年度`,
      );
    }
    const existing = await findMonitoringReportOfRound(trx, round.id, declaration.id);
    if (existing) {
      throw new AppError('CONFLICT', `项目“${declaration.project_name}”在该监控时点已有监控表`, {
        context: { existing: { monitoringReportId: existing.id } },
      });
    }
    const form = declarationFormSchema.safeParse(declaration.form);
    if (!form.success) throw new AppError('STORED_FORM_INVALID', '已保存的绩效目标数据无法读取，请联系系统管理员');
    const report = monitoringFromDeclaration(
      { ...form.data, fiscalYear: declaration.fiscal_year, projectName: declaration.project_name },
      round.as_of,
    );
    const now = ctx.now();
    const row = await insertMonitoringReport(trx, {
      id: randomUUID(),
      organization_id: declaration.organization_id,
      round_id: round.id,
      declaration_id: declaration.id,
      fiscal_year: declaration.fiscal_year,
      project_name: declaration.project_name,
      status: 'draft',
      report: JSON.stringify(report),
      execution_rate: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      submitted_by: null,
      submitted_at: null,
    });
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: 'monitoring.create',
      entityType: 'monitoring_report',
      entityId: row.id,
      toStatus: 'draft',
      details: { roundId: round.id, declarationId: declaration.id, asOf: round.as_of, projectName: row.project_name },
    });
    return toMonitoringView(row, round, tree, actor);
  });
