import {
  RESULT_DECISION_LABELS,
  RESULT_DECISIONS,
  type ResultApplicationSummary,
  signedAdjustmentPercent,
} from '@jixiao/core';
import { type Db, listResultApplicationCandidates, listResultYears } from '@jixiao/db';
import type { OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';
import { loadPolicyView, resultApplicationRow } from './result-application-rows.ts';
import { resultApplicationScope } from './result-application-scope.ts';

const FEN_PER_WAN = 1_000_000;

/** Whether the actor is one the 结果应用 summary is for (the bureau's reviewers and admin); others get none. */
const scopeOrNull = (actor: Actor, tree: OrganizationTree) => {
  try {
    return resultApplicationScope(actor, tree, 'view');
  } catch {
    return null;
  }
};

/**
 * How a year's results were applied, for the dashboard: decided against pending, counts per decision, departures
 * from the policy and the net change to next year's budgets (budget × signed adjustment, in 万元). The year is the
 * dashboard's, else the newest with results; null for anyone but the bureau, or when there are no results.
 */
export const summarizeResultApplication = async (
  db: Db,
  actor: Actor,
  tree: OrganizationTree,
  fiscalYear: number | null,
): Promise<ResultApplicationSummary | null> => {
  const scope = scopeOrNull(actor, tree);
  if (!scope) return null;
  const year = fiscalYear ?? (await listResultYears(db, scope.organizationIds))[0];
  if (year === undefined) return null;
  const [policy, candidates] = await Promise.all([
    loadPolicyView(db, scope.bureauId, year),
    listResultApplicationCandidates(db, scope.organizationIds, year),
  ]);
  const counts = new Map<string, number>();
  let departures = 0;
  let withoutBudget = 0;
  // Each project's change rounded to the 分, then added up: integers all the way.
  let netFen = 0;
  for (const candidate of candidates) {
    const row = resultApplicationRow(candidate, policy.rules);
    if (!row.decision) continue;
    counts.set(row.decision.decision, (counts.get(row.decision.decision) ?? 0) + 1);
    if (row.decision.departures.length > 0) departures++;
    const signed = signedAdjustmentPercent(row.decision.decision, row.decision.adjustmentPercent);
    if (signed === 0) continue;
    if (candidate.adjusted_budget_fen === null) withoutBudget++;
    else netFen += Math.round((candidate.adjusted_budget_fen * signed) / 100);
  }
  const decided = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return {
    fiscalYear: year,
    evaluated: candidates.length,
    decided,
    pending: candidates.length - decided,
    byDecision: RESULT_DECISIONS.map((decision) => ({
      decision,
      label: RESULT_DECISION_LABELS[decision],
      count: counts.get(decision) ?? 0,
    })),
    departures,
    netAdjustmentWan: Math.round(netFen / (FEN_PER_WAN / 100)) / 100,
    withoutBudget,
  };
};
