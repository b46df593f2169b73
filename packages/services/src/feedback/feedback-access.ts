import { AppError, type Role } from '@jixiao/core';
import { type Db, findPublicFeedbackForUpdate, type PublicFeedback } from '@jixiao/db';
import { effectiveRoles, type OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

/**
 * Who handles public feedback on a unit's report: the 财政局 reviewer for every unit and the 主管部门 reviewer for
 * the units under its department moderate (publish, hide, turn into 整改); the unit's own filler and approver may
 * draft the reply. Nobody else sees the messages (the admin manages accounts, not content).
 */
const MODERATOR_ROLES: readonly Role[] = ['finance_reviewer', 'department_reviewer'];
const DRAFTER_ROLES: readonly Role[] = ['unit_filler', 'unit_approver'];

export type FeedbackAccess = { moderate: boolean; draft: boolean };

export const feedbackAccess = (actor: Actor, tree: OrganizationTree, organizationId: string): FeedbackAccess => {
  const roles = effectiveRoles(actor, tree, organizationId);
  return {
    moderate: roles.some((role) => MODERATOR_ROLES.includes(role)),
    draft: roles.some((role) => DRAFTER_ROLES.includes(role)),
  };
};

/**
 * The message, locked, when the actor may act on it as `as`; NOT_FOUND when they may not even see it (ids of
 * other units' messages cannot be probed), FORBIDDEN when they see it but may not do this.
 */
export const loadFeedbackFor = async (
  trx: Db,
  actor: Actor,
  tree: OrganizationTree,
  feedbackId: string,
  as: keyof FeedbackAccess,
): Promise<PublicFeedback> => {
  const feedback = await findPublicFeedbackForUpdate(trx, feedbackId);
  const access = feedback ? feedbackAccess(actor, tree, feedback.organization_id) : { moderate: false, draft: false };
  if (!feedback || !(access.moderate || access.draft)) throw new AppError('NOT_FOUND', '反馈不存在');
  if (!access[as]) {
    throw new AppError(
      'FORBIDDEN',
      as === 'moderate' ? '只有主管部门或财政局审核人员可以处理公众反馈' : '只有本单位人员可以起草答复',
    );
  }
  return feedback;
};
