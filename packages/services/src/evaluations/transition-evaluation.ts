import { randomUUID } from 'node:crypto';
import {
  AppError,
  assertTransition,
  describeNumberCellProblems,
  type EvaluationForm,
  type EvaluationStatus,
  meaningfulText,
  numberCellProblems,
  requireRuleSet,
  type WorkflowAction,
} from '@jixiao/core';
import {
  type Db,
  type Evaluation,
  findActivePublication,
  findRevision,
  insertPublication,
  insertReview,
  listRevisions,
  markUnpublished,
  updateEvaluationIfVersion,
} from '@jixiao/db';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { publishedViewWithAmendment } from '../appeals/reconsideration.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { publishedViewOf, registeredNamesOf } from '../public/published-view.ts';
import { assertVersion, type EvaluationView, loadVisibleEvaluation, revisionForm, viewOf } from './evaluation-view.ts';
import { assertNotOwnRevision, revisionAuthors } from './revision-authors.ts';
import { writeRevision } from './write-revision.ts';

export type TransitionInput = {
  evaluationId: string;
  reason?: string | undefined;
  expectedVersion?: number | undefined;
};

type Step = { revisionId: string; totalScore?: number; grade?: string };

/**
 * 送审 only with every number readable: a draft may hold "abc" in 全年执行数 while the unit works on it, but the
 * submitted revision is what reviewers score, so a wrong amount, weight or score is refused naming its cells
 * (the editor shows the same checks; this keeps a script from going around it).
 */
const assertNumbersReadable = (form: EvaluationForm, ruleSetId: string): void => {
  const ruleSet = requireRuleSet(ruleSetId);
  const problems = numberCellProblems(form, {
    totalPoints: ruleSet.totalPoints,
    executionWeight: ruleSet.executionWeight,
  });
  if (problems.length === 0) return;
  throw new AppError(
    'INVALID_NUMBERS',
    `不能送审：自评表中有 ${problems.length} 处数字填写有误，请改正后再送审——${describeNumberCellProblems(problems)}`,
    { cells: problems.map(({ where, label, message }) => ({ where, label, message })) },
  );
};

const requireCurrentRevision = (evaluation: Evaluation): string => {
  if (!evaluation.current_revision_id) throw new AppError('INVALID_TRANSITION', '自评尚无内容，不能执行此操作');
  return evaluation.current_revision_id;
};

/** The side effects of each action besides the status change. */
const applyAction = async (
  ctx: ServiceContext,
  trx: Db,
  actor: Actor,
  evaluation: Evaluation,
  action: Exclude<WorkflowAction, 'edit'>,
  reason: string,
): Promise<Step> => {
  const revisionId = requireCurrentRevision(evaluation);
  const now = ctx.now();
  switch (action) {
    case 'submit': {
      // The submitted snapshot is rescored now, under the evaluation's rule set, and frozen.
      const current = await findRevision(trx, revisionId);
      if (!current) throw new AppError('NOT_FOUND', '当前版本不存在');
      const form = revisionForm(current);
      assertNumbersReadable(form, evaluation.rule_set_id);
      const { revision, result } = await writeRevision(trx, evaluation, form, 'submitted', actor.userId, now);
      return { revisionId: revision.id, totalScore: result.totalScore, grade: result.grade };
    }
    case 'approve':
    case 'return':
      await insertReview(trx, {
        id: randomUUID(),
        organization_id: evaluation.organization_id,
        evaluation_id: evaluation.id,
        revision_id: revisionId,
        stage: evaluation.status,
        decision: action === 'approve' ? 'approved' : 'returned',
        reason,
        reviewer_id: actor.userId,
        created_at: now,
      });
      return { revisionId };
    case 'publish': {
      const revision = await findRevision(trx, revisionId);
      if (!revision) throw new AppError('INVALID_TRANSITION', '自评尚无内容，不能公开');
      const names = await registeredNamesOf(trx, evaluation.organization_id);
      await insertPublication(trx, {
        id: randomUUID(),
        organization_id: evaluation.organization_id,
        evaluation_id: evaluation.id,
        revision_id: revisionId,
        published_by: actor.userId,
        published_at: now,
        redactions: '[]',
        document_hashes: '{}',
        // A ruling on an appeal that amended this revision's result is what is published (经复议).
        public_view: JSON.stringify(
          await publishedViewWithAmendment(
            trx,
            { id: evaluation.id, revisionId },
            publishedViewOf(evaluation, revision, names, now),
          ),
        ),
      });
      return { revisionId };
    }
    case 'withdraw':
      return { revisionId };
    case 'unpublish': {
      const publication = await findActivePublication(trx, evaluation.id);
      if (publication) await markUnpublished(trx, publication.id, actor.userId, now, reason);
      return { revisionId };
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
};

/**
 * One workflow step: checks the actor's roles over the evaluation's unit and that no one judges their own revision,
 * applies the action's effects, moves the status and writes the audit entry, all in one transaction.
 */
export const transitionEvaluation = async (
  ctx: ServiceContext,
  actor: Actor,
  action: Exclude<WorkflowAction, 'edit'>,
  input: TransitionInput,
): Promise<EvaluationView> =>
  ctx.db.transaction().execute(async (trx) => {
    const reason = meaningfulText(input.reason ?? '');
    const tree = await loadOrganizationTree(trx);
    const evaluation = await loadVisibleEvaluation(trx, actor, tree, input.evaluationId, { forUpdate: true });
    const rule = assertTransition(
      evaluation.status,
      action,
      effectiveRoles(actor, tree, evaluation.organization_id),
      reason,
    );
    assertVersion(evaluation, input.expectedVersion);
    assertNotOwnRevision(
      action,
      actor.userId,
      revisionAuthors(await listRevisions(trx, evaluation.id), evaluation.current_revision_id),
    );
    const step = await applyAction(ctx, trx, actor, evaluation, action, reason);
    const to: EvaluationStatus = rule.to;
    const updated = await updateEvaluationIfVersion(trx, evaluation.id, evaluation.version, {
      status: to,
      current_revision_id: step.revisionId,
      updated_at: ctx.now(),
      ...(step.totalScore === undefined ? {} : { total_score: step.totalScore }),
      ...(step.grade === undefined ? {} : { grade: step.grade }),
    });
    if (!updated) throw new AppError('CONFLICT');
    await recordAudit(ctx, trx, {
      organizationId: evaluation.organization_id,
      actorId: actor.userId,
      action: `evaluation.${action}`,
      entityType: 'evaluation',
      entityId: evaluation.id,
      fromStatus: evaluation.status,
      toStatus: to,
      reason: reason === '' ? null : reason,
      details: { revisionId: step.revisionId, version: updated.version },
    });
    return viewOf(updated, tree);
  });
