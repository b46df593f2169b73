import type { ResultApplicationYear } from '@jixiao/core';
import { listResultApplicationCandidates, listResultYears } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadPolicyView, resultApplicationRow } from './result-application-rows.ts';
import { resultApplicationScope } from './result-application-scope.ts';

export type GetResultApplicationYearInput = { fiscalYear?: number | undefined };

/**
 * A year's 结果应用: the policy (or the default), and every result of the year — evaluations the bureau approved,
 * published or not; drafts and evaluations under review are no results yet — with the suggestion for its grade
 * and the decision recorded. Without a year, the newest year that has results (else the current year).
 */
export const getResultApplicationYear = async (
  ctx: ServiceContext,
  actor: Actor,
  input: GetResultApplicationYearInput,
): Promise<ResultApplicationYear> => {
  const scope = resultApplicationScope(actor, await loadOrganizationTree(ctx.db), 'view');
  const years = await listResultYears(ctx.db, scope.organizationIds);
  const fiscalYear = input.fiscalYear ?? years[0] ?? ctx.now().getFullYear();
  const [policy, candidates] = await Promise.all([
    loadPolicyView(ctx.db, scope.bureauId, fiscalYear),
    listResultApplicationCandidates(ctx.db, scope.organizationIds, fiscalYear),
  ]);
  return {
    fiscalYear,
    years: [...new Set([...years, fiscalYear])].sort((a, b) => b - a),
    policy,
    rows: candidates.map((row) => resultApplicationRow(row, policy.rules)),
    canEdit: scope.canEdit,
  };
};
