import type { RevisionDiff } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation, revisionForm, revisionResult, toRevisionView } from './evaluation-view.ts';
import { diffForms, matchIndicatorRows } from './form-diff.ts';

export type { RevisionDiff } from '@jixiao/core';

/** What changed in the form, the score and the findings between two revisions of one evaluation. */
export const diffRevisions = async (
  ctx: ServiceContext,
  actor: Actor,
  input: { evaluationId: string; fromRevisionId: string; toRevisionId: string },
): Promise<RevisionDiff> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, input.evaluationId);
  const [from, to] = await Promise.all([
    findRevision(ctx.db, input.fromRevisionId),
    findRevision(ctx.db, input.toRevisionId),
  ]);
  if (!from || !to || from.evaluation_id !== evaluation.id || to.evaluation_id !== evaluation.id) {
    throw new AppError('NOT_FOUND', '要比较的版本不存在');
  }
  const fromResult = revisionResult(from);
  const toResult = revisionResult(to);
  const fromForm = revisionForm(from);
  const toForm = revisionForm(to);
  // A finding on a row that only moved (a row above it was deleted) is the same finding: compare rows by identity.
  const rowAfter = new Map(
    matchIndicatorRows(fromForm.indicators, toForm.indicators).map((pair) => [pair.from, pair.to]),
  );
  const sameRow = (where: string) =>
    where.replace(/^indicators\[(\d+)\]/u, (whole, index: string) => {
      const moved = rowAfter.get(Number(index));
      return moved === undefined ? `${whole}(removed)` : `indicators[${moved}]`;
    });
  const codes = (findings: { code: string; where: string }[], where: (where: string) => string) =>
    new Set(findings.map((item) => `${item.code}@${where(item.where)}`));
  const before = codes(fromResult.findings, sameRow);
  const after = codes(toResult.findings, (where) => where);
  return {
    from: toRevisionView(from),
    to: toRevisionView(to),
    changes: diffForms(fromForm, toForm),
    totalScore: { before: fromResult.totalScore, after: toResult.totalScore },
    findingCodes: {
      added: [...after].filter((code) => !before.has(code)).sort(),
      removed: [...before].filter((code) => !after.has(code)).sort(),
    },
  };
};
