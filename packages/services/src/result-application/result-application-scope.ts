import { AppError, type Role } from '@jixiao/core';
import { ancestorsOf, descendantIdsOf, type OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

/** Who sets the policy and records decisions: the 财政局's reviewers. */
const EDIT_ROLES: readonly Role[] = ['finance_reviewer'];
/** Who may look: the reviewers and the administrator of the bureau. */
const VIEW_ROLES: readonly Role[] = ['finance_reviewer', 'admin'];

export type ResultApplicationScope = {
  /** The finance bureau whose policy applies (result_application_policies.bureau_id). */
  bureauId: string;
  /** The bureau and every unit below it: whose results the bureau applies. */
  organizationIds: string[];
  canEdit: boolean;
};

/** The finance bureau a grant sits in: the nearest finance bureau at or above the granted organisation. */
const bureauOfGrant = (tree: OrganizationTree, organizationId: string): string | undefined =>
  ancestorsOf(tree, organizationId).find((organization) => organization.kind === 'finance_bureau')?.id;

/**
 * The bureau the actor applies results for. 结果应用 is the bureau's business: 主管部门 and units are refused
 * (FORBIDDEN, the page is not theirs), the admin may only look. A district has one bureau; with grants in more
 * than one, the first grant's bureau is taken.
 */
export const resultApplicationScope = (
  actor: Actor,
  tree: OrganizationTree,
  access: 'view' | 'edit',
): ResultApplicationScope => {
  const roles = access === 'edit' ? EDIT_ROLES : VIEW_ROLES;
  const grant = actor.roles
    .filter((held) => roles.includes(held.role))
    .map((held) => ({ held, bureauId: bureauOfGrant(tree, held.organizationId) }))
    .find((candidate) => candidate.bureauId !== undefined);
  if (!grant?.bureauId) throw new AppError('FORBIDDEN', '结果应用由财政局评价人员办理');
  const bureauId = grant.bureauId;
  return {
    bureauId,
    organizationIds: descendantIdsOf(tree, bureauId),
    canEdit: actor.roles.some(
      (held) => EDIT_ROLES.includes(held.role) && bureauOfGrant(tree, held.organizationId) === bureauId,
    ),
  };
};
