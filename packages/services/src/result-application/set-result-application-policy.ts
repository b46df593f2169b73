import {
  AppError,
  type ResultApplicationPolicy,
  type ResultApplicationPolicyView,
  resultApplicationPolicySchema,
} from '@jixiao/core';
import { findResultApplicationPolicy, upsertResultApplicationPolicy } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadPolicyView } from './result-application-rows.ts';
import { resultApplicationScope } from './result-application-scope.ts';

export type SetResultApplicationPolicyInput = { fiscalYear: number } & ResultApplicationPolicy;

/**
 * The bureau sets what each grade of a year means for the next budget, and the 申诉 period (appeal_period_days,
 * which the appeal use cases read). The policy is replaced whole; the audit entry keeps the one before.
 */
export const setResultApplicationPolicy = async (
  ctx: ServiceContext,
  actor: Actor,
  input: SetResultApplicationPolicyInput,
): Promise<ResultApplicationPolicyView> => {
  // The route validates too; a use case called from elsewhere (the CLI, the demo) gets the same checks.
  const parsed = resultApplicationPolicySchema.safeParse({
    rules: input.rules,
    appealPeriodDays: input.appealPeriodDays,
  });
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((issue) => issue.message).join('；'));
  }
  if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100)
    throw new AppError('VALIDATION_FAILED', '年度应在 2000 至 2100 之间');
  return ctx.db.transaction().execute(async (trx) => {
    const scope = resultApplicationScope(actor, await loadOrganizationTree(trx), 'edit');
    const before = await findResultApplicationPolicy(trx, scope.bureauId, input.fiscalYear);
    await upsertResultApplicationPolicy(trx, {
      bureau_id: scope.bureauId,
      fiscal_year: input.fiscalYear,
      rules: JSON.stringify(parsed.data.rules),
      appeal_period_days: parsed.data.appealPeriodDays,
      updated_by: actor.userId,
      updated_at: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: scope.bureauId,
      actorId: actor.userId,
      action: before ? 'result_application.policy_update' : 'result_application.policy_set',
      entityType: 'result_application',
      entityId: `policy:${scope.bureauId}:${input.fiscalYear}`,
      details: {
        fiscalYear: input.fiscalYear,
        rules: parsed.data.rules,
        appealPeriodDays: parsed.data.appealPeriodDays,
        ...(before ? { previous: { rules: before.rules, appealPeriodDays: before.appeal_period_days } } : {}),
      },
    });
    return loadPolicyView(trx, scope.bureauId, input.fiscalYear);
  });
};
