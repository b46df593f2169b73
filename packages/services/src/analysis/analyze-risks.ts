import { analyseRisks, type EvaluationResult, type RiskSignal, upgradeForm } from '@jixiao/core';
import { listCurrentRevisions } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';

export type AnalyzeRisksInput = { fiscalYear?: number | undefined };

/**
 * Cross-unit and cross-year risk signals over every evaluation the actor may see (past the draft stage):
 * sandbagged targets, chronic over-achievement, high scores on low execution, qualitative-only outcomes,
 * recurring findings. With a year, the signals about that year's evaluations (still compared with the year
 * before).
 */
export const analyzeRisks = async (
  ctx: ServiceContext,
  actor: Actor,
  input: AnalyzeRisksInput,
): Promise<{ signals: RiskSignal[] }> => {
  const tree = await loadOrganizationTree(ctx.db);
  const rows = await listCurrentRevisions(ctx.db, visibleOrganizationIds(actor, tree));
  const signals = analyseRisks(
    rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      fiscalYear: row.fiscal_year,
      form: upgradeForm(row.form),
      // The result is the engine's own output, written beside the form it was computed from.
      result: row.result as EvaluationResult,
    })),
  );
  const years = new Map(rows.map((row) => [row.id, row.fiscal_year]));
  return {
    signals:
      input.fiscalYear === undefined
        ? signals
        : signals.filter((signal) => years.get(signal.evaluationId) === input.fiscalYear),
  };
};
