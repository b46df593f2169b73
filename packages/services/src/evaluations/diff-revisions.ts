import type { RevisionDiff } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import { findRevision } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation, revisionForm, revisionResult, toRevisionView } from './evaluation-view.ts';
import { diffValues } from './form-diff.ts';

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
  const codes = (findings: { code: string; where: string }[]) =>
    new Set(findings.map((item) => `${item.code}@${item.where}`));
  const before = codes(fromResult.findings);
  const after = codes(toResult.findings);
  return {
    from: toRevisionView(from),
    to: toRevisionView(to),
    changes: diffValues(revisionForm(from), revisionForm(to)),
    totalScore: { before: fromResult.totalScore, after: toResult.totalScore },
    findingCodes: {
      added: [...after].filter((code) => !before.has(code)).sort(),
      removed: [...before].filter((code) => !after.has(code)).sort(),
    },
  };
};
