import type { DeclarationAction, DeclarationStatus } from '../api/budget-year.ts';
import { AppError } from '../errors.ts';
import { meaningfulText } from '../util/meaningful-text.ts';
import {
  ACTION_LABELS,
  availableActions,
  decideTransition,
  type Role,
  STATUS_LABELS,
  type TransitionDecision,
} from '../workflow/workflow.ts';

/**
 * The declaration's workflow: the evaluation's review chain (submit → unit → department → bureau, returns with a
 * reason) short of publication, plus 调整: the unit's filler opens a new revision of the approved targets in force,
 * with a reason, and that revision goes through the same chain. Pure; the services check organisations.
 */

export const DECLARATION_ACTION_LABELS: Record<DeclarationAction, string> = {
  submit: ACTION_LABELS.submit,
  withdraw: ACTION_LABELS.withdraw,
  approve: ACTION_LABELS.approve,
  return: ACTION_LABELS.return,
  edit: ACTION_LABELS.edit,
  adjust: '调整',
};

export const DECLARATION_STATUS_LABELS: Record<DeclarationStatus, string> = {
  draft: STATUS_LABELS.draft,
  submitted: STATUS_LABELS.submitted,
  department_review: STATUS_LABELS.department_review,
  finance_review: STATUS_LABELS.finance_review,
  returned: STATUS_LABELS.returned,
  approved: STATUS_LABELS.approved,
};

/** Where the declaration stands among its project's revisions. */
export type DeclarationPosition = {
  /** A later revision of the same project and year has been approved. */
  superseded: boolean;
  /** A later revision exists (in any status): an adjustment is already open or done. */
  hasLaterRevision: boolean;
};

export const decideDeclarationTransition = (
  from: DeclarationStatus,
  action: DeclarationAction,
  roles: readonly Role[],
  position: DeclarationPosition,
  reason = '',
): TransitionDecision => {
  const label = DECLARATION_ACTION_LABELS[action];
  if (action === 'adjust') {
    if (from !== 'approved' || position.superseded || position.hasLaterRevision) {
      return {
        ok: false,
        code: 'INVALID_TRANSITION',
        message:
          from !== 'approved'
            ? `绩效目标当前状态为“${STATUS_LABELS[from]}”，只有已通过的绩效目标才能调整`
            : '该绩效目标已有更新的版本，请在最新版本上调整',
      };
    }
    if (!roles.includes('unit_filler')) {
      return { ok: false, code: 'FORBIDDEN', message: `“${label}”需要以下角色之一：单位填报` };
    }
    if (meaningfulText(reason) === '') {
      return { ok: false, code: 'VALIDATION_FAILED', message: `“${label}”必须填写原因` };
    }
    // The adjustment's own rule, in the evaluation rules' shape, so callers handle every decision alike.
    return {
      ok: true,
      rule: { action: 'edit', from: 'approved', to: 'draft', roles: ['unit_filler'], reasonRequired: true },
    };
  }
  const decided = decideTransition(from, action, roles, reason);
  if (!decided.ok && decided.code === 'INVALID_TRANSITION') {
    return { ...decided, message: `绩效目标当前状态为“${STATUS_LABELS[from]}”，不能执行“${label}”` };
  }
  return decided;
};

/** As `decideDeclarationTransition`, throwing the AppError of a refusal; returns the status to move to. */
export const assertDeclarationTransition = (
  from: DeclarationStatus,
  action: DeclarationAction,
  roles: readonly Role[],
  position: DeclarationPosition,
  reason = '',
): DeclarationStatus => {
  const decision = decideDeclarationTransition(from, action, roles, position, reason);
  if (!decision.ok) throw new AppError(decision.code, decision.message, { from, action });
  const to = decision.rule.to;
  if (to === 'published') throw new AppError('INVALID_TRANSITION', '绩效目标没有公开环节');
  return to;
};

/** The actions someone holding `roles` can take on the declaration now, for buttons and API hints. */
export const availableDeclarationActions = (
  status: DeclarationStatus,
  roles: readonly Role[],
  position: DeclarationPosition,
): DeclarationAction[] => {
  const actions: DeclarationAction[] = availableActions(status, roles).flatMap((action) =>
    action === 'publish' || action === 'unpublish' ? [] : [action],
  );
  if (decideDeclarationTransition(status, 'adjust', roles, position, '调整').ok) actions.push('adjust');
  return actions;
};
