import { type BudgetYearComparison, compareBudgetYear, findRuleSet, requireRuleSet } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { declarationFindings, lastYearActuals, toDeclarationListItem } from '../declarations/declaration-view.ts';
import { loadVisibleEvaluation, revisionForm } from '../evaluations/evaluation-view.ts';
import { toMonitoringListItem } from '../monitoring/monitoring-view.ts';
import { budgetYearProjectOf, budgetYearStagesOf } from './budget-year-stages.ts';

export type { BudgetYearComparison } from '@jixiao/core';

/**
 * 申报、监控、自评对照: the approved declaration, the latest submitted monitoring report and the evaluation's current
 * form row by row, with the findings where the evaluation departs from what was approved.
 */
export const getBudgetYearComparison = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<BudgetYearComparison> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const [revision, stages] = await Promise.all([
    evaluation.current_revision_id ? findRevision(ctx.db, evaluation.current_revision_id) : undefined,
    budgetYearStagesOf(ctx.db, budgetYearProjectOf(evaluation)),
  ]);
  const compared = revision
    ? compareBudgetYear(
        revisionForm(revision),
        stages.declaration?.form ?? null,
        stages.monitoring?.report ?? null,
        findRuleSet(evaluation.rule_set_id) ?? requireRuleSet(),
      )
    : { rows: [], findings: [] };
  const declaration = stages.declaration?.row;
  return {
    declaration: declaration
      ? toDeclarationListItem(
          declaration,
          tree.byId.get(declaration.organization_id)?.name ?? '',
          declarationFindings(declaration, await lastYearActuals(ctx.db, [declaration])),
        )
      : null,
    monitoring: stages.monitoring
      ? toMonitoringListItem(stages.monitoring.row, stages.monitoring.row.as_of, tree, stages.monitoring.report)
      : null,
    rows: compared.rows,
    findings: compared.findings,
  };
};
