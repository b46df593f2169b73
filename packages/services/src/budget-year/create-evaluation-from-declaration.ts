import { AppError, evaluationFromDeclaration, requireRuleSet } from '@jixiao/core';
import { findDeclarationForBudgetYear } from '@jixiao/db';
import { canSee, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createDraftIn } from '../evaluations/create-draft.ts';
import type { EvaluationView } from '../evaluations/evaluation-view.ts';
import { budgetYearStagesOf } from './budget-year-stages.ts';

export type CreateEvaluationFromDeclarationInput = { declarationId: string; ruleSetId?: string | undefined };

/**
 * 年终自评从批复的绩效目标开始: a self-evaluation draft of the declared project, pre-filled from the approved
 * declaration in force (indicators, targets, weights, planned funds) and the latest submitted monitoring report;
 * actual values and scores are left to the unit. The usual draft rules apply (unit_filler, one per project).
 */
export const createEvaluationFromDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  input: CreateEvaluationFromDeclarationInput,
): Promise<EvaluationView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const row = await findDeclarationForBudgetYear(trx, input.declarationId);
    if (!row || !canSee(actor, tree, row.organization_id)) {
      throw new AppError('NOT_FOUND', '绩效目标申报不存在或无权查看');
    }
    if (row.status !== 'approved' || row.superseded_at !== null) {
      throw new AppError('INVALID_TRANSITION', '只能从已批复且现行有效的绩效目标生成自评表');
    }
    const stages = await budgetYearStagesOf(trx, {
      organizationId: row.organization_id,
      fiscalYear: row.fiscal_year,
      projectName: row.project_name,
    });
    if (!stages.declaration)
      throw new AppError('STORED_FORM_INVALID', '已保存的绩效目标数据无法读取，请联系系统管理员');
    const ruleSet = requireRuleSet(input.ruleSetId);
    const form = evaluationFromDeclaration(
      { ...stages.declaration.form, fiscalYear: row.fiscal_year, projectName: row.project_name },
      stages.monitoring?.report ?? null,
      ruleSet,
    );
    const view = await createDraftIn(
      ctx,
      trx,
      actor,
      { organizationId: row.organization_id, form, ruleSetId: ruleSet.id },
      { kind: 'draft', fileName: null },
    );
    await recordAudit(ctx, trx, {
      organizationId: row.organization_id,
      actorId: actor.userId,
      action: 'evaluation.create_from_declaration',
      entityType: 'evaluation',
      entityId: view.id,
      toStatus: 'draft',
      details: {
        declarationId: row.id,
        declarationRevisionNo: row.revision_no,
        monitoringReportId: stages.monitoring?.row.id ?? null,
      },
    });
    return view;
  });
