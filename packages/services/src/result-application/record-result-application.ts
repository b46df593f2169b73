import { randomUUID } from 'node:crypto';
import {
  AppError,
  checkResultDecision,
  isGrade,
  meaningfulText,
  RESULT_DECISION_LABELS,
  type ResultApplicationRow,
  type ResultDecision,
  suggestion,
} from '@jixiao/core';
import {
  findEvaluationForUpdate,
  findResultApplicationForUpdate,
  listResultApplicationCandidates,
  RESULT_STATUSES,
  upsertResultApplication,
} from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadPolicyView, resultApplicationRow } from './result-application-rows.ts';
import { resultApplicationScope } from './result-application-scope.ts';

export type RecordResultApplicationInput = {
  evaluationId: string;
  decision: ResultDecision;
  adjustmentPercent?: number | null | undefined;
  reason?: string | undefined;
};

const isResultStatus = (status: string): boolean => RESULT_STATUSES.some((item) => item === status);

/**
 * The bureau records how one result is applied to the next budget. The policy's suggestion for the grade is
 * stored beside the decision as it read then. A decision the policy does not suggest, or a percentage outside
 * its bounds, is accepted with a reason (the bureau may depart from its own rule, but on the record) and refused
 * without one; impossible input (a percentage on 保持, none on 压减) is refused outright.
 */
export const recordResultApplication = async (
  ctx: ServiceContext,
  actor: Actor,
  input: RecordResultApplicationInput,
): Promise<ResultApplicationRow> =>
  ctx.db.transaction().execute(async (trx) => {
    const scope = resultApplicationScope(actor, await loadOrganizationTree(trx), 'edit');
    const evaluation = await findEvaluationForUpdate(trx, input.evaluationId);
    if (!evaluation || !scope.organizationIds.includes(evaluation.organization_id)) throw new AppError('NOT_FOUND');
    if (!isResultStatus(evaluation.status))
      throw new AppError('INVALID_TRANSITION', '只有财政局审核通过（含已公开）的自评才能记录结果应用');
    if (evaluation.grade === null || !isGrade(evaluation.grade))
      throw new AppError('INVALID_TRANSITION', '该自评没有评价等级，无法按政策给出建议');
    const policy = await loadPolicyView(trx, scope.bureauId, evaluation.fiscal_year);
    const advice = suggestion(evaluation.grade, policy.rules);
    const adjustmentPercent = input.adjustmentPercent ?? null;
    const { departures } = checkResultDecision(advice, input.decision, adjustmentPercent);
    const reason = meaningfulText(input.reason ?? '');
    if (departures.length > 0 && reason === '')
      throw new AppError(
        'VALIDATION_FAILED',
        `决定与政策建议（${advice.text}）不一致，必须填写理由：${departures.join('；')}`,
        {
          departures,
        },
      );
    const before = await findResultApplicationForUpdate(trx, evaluation.id);
    const saved = await upsertResultApplication(trx, {
      id: before?.id ?? randomUUID(),
      organization_id: evaluation.organization_id,
      evaluation_id: evaluation.id,
      fiscal_year: evaluation.fiscal_year,
      suggestion: advice.text,
      decision: input.decision,
      adjustment_percent: adjustmentPercent,
      reason,
      decided_by: actor.userId,
      decided_at: ctx.now(),
    });
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: actor.userId,
      action: before ? 'result_application.update' : 'result_application.record',
      entityType: 'result_application',
      // The decision's own id, not the evaluation's: the evaluation's trail is open to its unit, the bureau's
      // deliberations on the budget are not.
      entityId: saved.id,
      fromStatus: before?.decision ?? null,
      toStatus: saved.decision,
      reason: reason === '' ? null : reason,
      details: {
        evaluationId: evaluation.id,
        fiscalYear: evaluation.fiscal_year,
        suggestion: advice.text,
        decision: RESULT_DECISION_LABELS[input.decision],
        adjustmentPercent,
        departures,
        ...(before
          ? {
              previous: {
                decision: before.decision,
                adjustmentPercent: before.adjustment_percent === null ? null : Number(before.adjustment_percent),
                reason: before.reason,
              },
            }
          : {}),
      },
    });
    const rows = await listResultApplicationCandidates(trx, [evaluation.organization_id], evaluation.fiscal_year);
    const row = rows.find((candidate) => candidate.evaluation_id === evaluation.id);
    if (!row) throw new AppError('INTERNAL');
    return resultApplicationRow(row, policy.rules);
  });
