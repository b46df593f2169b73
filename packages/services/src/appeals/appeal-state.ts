import {
  APPEAL_STATUS_LABELS,
  AppError,
  type AppealView,
  appealDeadline,
  DEFAULT_APPEAL_PERIOD_DAYS,
  type EvaluationAppealsView,
  isAppealableDecision,
  isGrade,
  isWithinAppealPeriod,
} from '@jixiao/core';
import {
  type Appeal,
  type Db,
  type Evaluation,
  type EvidenceFileSummary,
  findAppealPeriodDays,
  findRevision,
  listReviews,
  type Review,
} from '@jixiao/db';
import { ancestorsOf, type OrganizationTree } from '../access/organization-scope.ts';
import { revisionResult, toNumber } from '../evaluations/evaluation-view.ts';
import { toEvidenceFileView } from '../evidence/evidence-view.ts';

/** The finance bureau above a unit: whose decisions are appealed and whose reviewers rule. */
export const bureauOf = (tree: OrganizationTree, organizationId: string): string => {
  const bureau = ancestorsOf(tree, organizationId).find((organization) => organization.kind === 'finance_bureau');
  if (!bureau) throw new AppError('NOT_FOUND', '未找到该单位所属的财政局');
  return bureau.id;
};

const STAGES = ['submitted', 'department_review', 'finance_review'];
const stageOrder = (review: Review): number => STAGES.indexOf(review.stage);

/** The bureau's decision that stands on the evaluation now: its latest review, if the bureau made it. */
const standingBureauDecision = (evaluation: Evaluation, reviews: readonly Review[]): Review | undefined => {
  // Reviews of one moment (a batch, a pinned clock) are ordered by the stage they were made at.
  const latest = [...reviews]
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || stageOrder(a) - stageOrder(b))
    .at(-1);
  if (latest?.stage !== 'finance_review') return undefined;
  // A return stands while the evaluation is still returned (not resubmitted); an approval while it stays approved.
  const stands =
    latest.decision === 'returned'
      ? evaluation.status === 'returned'
      : evaluation.status === 'approved' || evaluation.status === 'published';
  return stands ? latest : undefined;
};

export type AppealState = {
  review: Review | null;
  deadline: string | null;
  periodDays: number;
  /** Why an appeal cannot be filed now; null when it can. */
  blockedReason: string | null;
  blockedCode: 'INVALID_TRANSITION' | 'APPEAL_PERIOD_OVER' | 'CONFLICT' | null;
};

/** Whether the evaluation's unit may appeal now, against which decision and until when. */
export const loadAppealState = async (
  db: Db,
  tree: OrganizationTree,
  evaluation: Evaluation,
  appeals: readonly Appeal[],
  now: Date,
): Promise<AppealState> => {
  const periodDays =
    (await findAppealPeriodDays(db, bureauOf(tree, evaluation.organization_id), evaluation.fiscal_year)) ??
    DEFAULT_APPEAL_PERIOD_DAYS;
  const blocked = (code: NonNullable<AppealState['blockedCode']>, reason: string, review: Review | null = null) => ({
    review,
    deadline: review ? appealDeadline(review.created_at, periodDays) : null,
    periodDays,
    blockedReason: reason,
    blockedCode: code,
  });
  if (appeals.some((appeal) => appeal.status === 'pending'))
    return blocked('CONFLICT', '该自评已有一件待复议的申诉，请等待复议结果');
  const review = standingBureauDecision(evaluation, await listReviews(db, evaluation.id));
  const revision = review ? await findRevision(db, review.revision_id) : undefined;
  if (!review || !revision)
    return blocked('INVALID_TRANSITION', '只有财政局退回的自评，或复核得分与自评得分不一致的审核通过，可以申诉');
  const result = revisionResult(revision);
  if (!isAppealableDecision(review, { totalScore: result.totalScore, statedTotal: result.statedTotal }))
    return blocked('INVALID_TRANSITION', '财政局审核通过且复核得分与自评得分一致，无需申诉', review);
  // A ruled appeal settles the decision, and the approval a ruling records when it overturns a return.
  const settled = (appeal: Appeal) =>
    appeal.review_id === review.id || (appeal.ruled_at !== null && appeal.ruled_at >= review.created_at);
  if (appeals.some(settled)) return blocked('CONFLICT', '对该审核决定的申诉已经复议，不能再次申诉', review);
  const deadline = appealDeadline(review.created_at, periodDays);
  if (!isWithinAppealPeriod(now, deadline))
    return blocked(
      'APPEAL_PERIOD_OVER',
      `申诉期限已过：对该决定的申诉截止日期为 ${deadline}（${periodDays} 天）`,
      review,
    );
  return { review, deadline, periodDays, blockedReason: null, blockedCode: null };
};

export const toAppealView = (
  appeal: Appeal,
  context: {
    tree: OrganizationTree;
    evaluation: Pick<Evaluation, 'project_name' | 'fiscal_year'>;
    review: Review | undefined;
    nameOf: (userId: string) => string;
    evidence: readonly EvidenceFileSummary[];
  },
): AppealView => ({
  id: appeal.id,
  evaluationId: appeal.evaluation_id,
  organizationId: appeal.organization_id,
  organizationName: context.tree.byId.get(appeal.organization_id)?.name ?? '',
  projectName: context.evaluation.project_name,
  fiscalYear: context.evaluation.fiscal_year,
  reviewId: appeal.review_id,
  decision: context.review?.decision ?? 'returned',
  decisionReason: context.review?.reason ?? '',
  decidedBy: context.review ? context.nameOf(context.review.reviewer_id) : '',
  decidedAt: context.review?.created_at.toISOString() ?? '',
  reasons: appeal.reasons,
  status: appeal.status,
  statusLabel: APPEAL_STATUS_LABELS[appeal.status],
  originalScore: toNumber(appeal.original_score),
  originalGrade: appeal.original_grade,
  amendedScore: toNumber(appeal.amended_score),
  amendedGrade: appeal.amended_grade !== null && isGrade(appeal.amended_grade) ? appeal.amended_grade : null,
  withdrawnFindings: appeal.withdrawn_findings,
  filedBy: context.nameOf(appeal.filed_by),
  filedAt: appeal.filed_at.toISOString(),
  ruledBy: appeal.ruled_by === null ? null : context.nameOf(appeal.ruled_by),
  ruledAt: appeal.ruled_at?.toISOString() ?? null,
  rulingReason: appeal.ruling_reason,
  ruledBySoleReviewer: appeal.ruled_by_sole_reviewer,
  evidence: context.evidence.filter((file) => file.appeal_id === appeal.id).map(toEvidenceFileView),
});

/** The evaluation page's appeal panel: the appeals so far, what may be appealed now, and any amendment. */
export const toEvaluationAppealsView = (state: AppealState, appeals: AppealView[]): EvaluationAppealsView => {
  const amended = appeals.filter((appeal) => appeal.status === 'amended' && appeal.amendedScore !== null).at(-1);
  return {
    appeals,
    appealable:
      state.blockedReason === null && state.review && state.deadline
        ? {
            reviewId: state.review.id,
            decision: state.review.decision,
            deadline: state.deadline,
            periodDays: state.periodDays,
          }
        : null,
    blockedReason: state.blockedReason,
    amendment: amended?.ruledAt
      ? { score: amended.amendedScore, grade: amended.amendedGrade, ruledAt: amended.ruledAt }
      : null,
  };
};
