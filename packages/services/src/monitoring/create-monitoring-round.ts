import { randomUUID } from 'node:crypto';
import { AppError, isCalendarDate, meaningfulText } from '@jixiao/core';
import { findMonitoringRoundByDate, insertMonitoringRound } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type MonitoringRoundView, toMonitoringRoundView } from './monitoring-view.ts';

export type CreateMonitoringRoundInput = {
  fiscalYear: number;
  /** The monitoring date, 'YYYY-MM-DD', within the fiscal year. */
  asOf: string;
  /** The day reports are due, not before `asOf`. */
  dueDate: string;
  title?: string | undefined;
};

const defaultTitle = (input: CreateMonitoringRoundInput): string => {
  const [, month, day] = input.asOf.split('-').map(Number);
  return `${input.fiscalYear}年度绩效运行监控（截至${month}月${day}日）`;
};

/**
 * 财政局 sets a monitoring date for a year (usually 31 July): every unit then reports on its approved declarations.
 * Only a finance reviewer of the bureau (a root organisation) may.
 */
export const createMonitoringRound = async (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateMonitoringRoundInput,
): Promise<MonitoringRoundView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const bureau = actor.roles.find(
      (grant) => grant.role === 'finance_reviewer' && tree.byId.get(grant.organizationId)?.parent_id === null,
    );
    if (!bureau) throw new AppError('FORBIDDEN', '只有财政局审核人员可以设置监控时点');
    const fields: { asOf?: string; dueDate?: string } = {};
    if (!isCalendarDate(input.asOf)) fields.asOf = '监控时点应为有效日期（如 2026-07-31）';
    else if (Number(input.asOf.slice(0, 4)) !== input.fiscalYear) fields.asOf = `监控时点应在 ${input.fiscalYear} 年内`;
    if (!isCalendarDate(input.dueDate)) fields.dueDate = '报送截止日期应为有效日期';
    else if (input.dueDate < input.asOf) fields.dueDate = '报送截止日期不能早于监控时点';
    if (Object.keys(fields).length > 0) {
      throw new AppError('VALIDATION_FAILED', Object.values(fields).join('；'), { fields });
    }
    if (await findMonitoringRoundByDate(trx, input.fiscalYear, input.asOf)) {
      throw new AppError('CONFLICT', `${input.fiscalYear} 年度已设置 ${input.asOf} 的监控时点`);
    }
    const round = await insertMonitoringRound(trx, {
      id: randomUUID(),
      fiscal_year: input.fiscalYear,
      as_of: input.asOf,
      due_date: input.dueDate,
      title: meaningfulText(input.title ?? '') || defaultTitle(input),
      created_by: actor.userId,
      created_at: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: bureau.organizationId,
      actorId: actor.userId,
      action: 'monitoring_round.create',
      entityType: 'monitoring_round',
      entityId: round.id,
      details: { fiscalYear: round.fiscal_year, asOf: round.as_of, dueDate: round.due_date, title: round.title },
    });
    return toMonitoringRoundView(round);
  });
