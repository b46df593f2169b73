import { AppError, type AppealView, amendScore, meaningfulText, requireRuleSet } from '@jixiao/core';
import {
  findAppealForUpdate,
  findEvaluationForUpdate,
  findReview,
  findRevision,
  listFinanceReviewerIds,
  ruleAppealIfPending,
} from '@jixiao/db';
import { canSee, effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { revisionResult } from '../evaluations/evaluation-view.ts';
import { publishedChanged } from '../public/published-cache.ts';
import { bureauOf } from './appeal-state.ts';
import { applyAmendment } from './apply-amendment.ts';
import { loadAppealViews } from './load-appeal-views.ts';

export type RuleAppealInput = {
  appealId: string;
  outcome: 'upheld' | 'amended';
  reason: string;
  /** 'amended' only: the new score (0–100). */
  amendedScore?: number | undefined;
  /** 'amended' only: the codes of the findings the ruling withdraws. */
  withdrawnFindings?: string[] | undefined;
};

/**
 * 复议: a finance reviewer of the bureau other than the one who decided rules on a pending appeal — upheld, or
 * amended with a new score (graded as the engine grades) and/or findings withdrawn. Where the bureau has no
 * other finance reviewer, the one who decided may rule and the ruling records that. What an amending ruling does
 * to the evaluation (its score, a return overturned, the published page) is in apply-amendment.ts.
 */
export const ruleAppeal = async (ctx: ServiceContext, actor: Actor, input: RuleAppealInput): Promise<AppealView> => {
  const reason = meaningfulText(input.reason);
  if (reason === '') throw new AppError('VALIDATION_FAILED', '复议必须写明理由', { fields: { reason: '必填' } });
  const withdrawn = [...new Set(input.withdrawnFindings ?? [])];
  if (input.outcome === 'upheld' && (input.amendedScore !== undefined || withdrawn.length > 0))
    throw new AppError('VALIDATION_FAILED', '维持原决定时不能调整得分或撤销问题');
  if (input.outcome === 'amended' && input.amendedScore === undefined && withdrawn.length === 0)
    throw new AppError('VALIDATION_FAILED', '复议改变时应给出调整后的得分或撤销的问题', {
      fields: { amendedScore: '必填其一' },
    });
  const view = await ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const appeal = await findAppealForUpdate(trx, input.appealId);
    if (!appeal || !canSee(actor, tree, appeal.organization_id))
      throw new AppError('NOT_FOUND', '申诉不存在或无权查看');
    if (!effectiveRoles(actor, tree, appeal.organization_id).includes('finance_reviewer'))
      throw new AppError('FORBIDDEN', '只有财政局审核人员可以复议');
    if (appeal.status !== 'pending') throw new AppError('INVALID_TRANSITION', '该申诉已复议');
    const [review, evaluation] = await Promise.all([
      findReview(trx, appeal.review_id),
      findEvaluationForUpdate(trx, appeal.evaluation_id),
    ]);
    if (!review || !evaluation) throw new AppError('INTERNAL');
    let soleReviewer = false;
    if (review.reviewer_id === actor.userId) {
      const others = (await listFinanceReviewerIds(trx, bureauOf(tree, appeal.organization_id))).filter(
        (id) => id !== actor.userId,
      );
      if (others.length > 0) throw new AppError('SEPARATION_OF_DUTIES', '申诉应由作出原决定以外的财政局审核人员复议');
      soleReviewer = true;
    }
    const revision = await findRevision(trx, review.revision_id);
    const codes = new Set<string>(revision ? revisionResult(revision).findings.map((finding) => finding.code) : []);
    const unknown = withdrawn.filter((code) => !codes.has(code));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', `被申诉的版本中没有这些问题：${unknown.join('、')}`, {
        fields: { withdrawnFindings: unknown.join(',') },
      });
    const amended =
      input.outcome === 'amended' && input.amendedScore !== undefined
        ? amendScore(input.amendedScore, requireRuleSet(evaluation.rule_set_id).gradeBands)
        : null;
    const now = ctx.now();
    const ruled = await ruleAppealIfPending(trx, appeal.id, {
      status: input.outcome,
      amended_score: amended?.score ?? null,
      amended_grade: amended?.grade ?? null,
      withdrawn_findings: withdrawn,
      ruled_by: actor.userId,
      ruled_at: now,
      ruling_reason: reason,
      ruled_by_sole_reviewer: soleReviewer,
    });
    if (!ruled) throw new AppError('INVALID_TRANSITION', '该申诉已复议');
    await recordAudit(ctx, trx, {
      organizationId: appeal.organization_id,
      actorId: actor.userId,
      action: 'appeal.rule',
      entityType: 'appeal',
      entityId: appeal.id,
      fromStatus: 'pending',
      toStatus: input.outcome,
      reason,
      details: {
        evaluationId: evaluation.id,
        amendedScore: amended?.score ?? null,
        amendedGrade: amended?.grade ?? null,
        withdrawnFindings: withdrawn,
        ruledBySoleReviewer: soleReviewer,
      },
    });
    if (input.outcome === 'amended')
      await applyAmendment(ctx, trx, actor, { evaluation, review, revision, appeal: ruled, amended, reason });
    const [result] = await loadAppealViews(trx, tree, [ruled]);
    if (!result) throw new AppError('INTERNAL');
    return result;
  });
  // The portal's cached answers (list scores and the page) must show the ruling now.
  if (input.outcome === 'amended') publishedChanged(ctx);
  return view;
};
