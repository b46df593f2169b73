import type { FeedbackStatus } from '@jixiao/db';
import { listFeedbackOfUnits } from '@jixiao/db';
import { loadOrganizationTree, visibleOrganizationIds } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { feedbackAccess } from './feedback-access.ts';
import { type FeedbackView, feedbackViewOf } from './feedback-view.ts';

/**
 * 公众反馈 for staff: the messages on the reports of every unit the actor moderates or drafts replies for,
 * waiting ones first. Others (another unit's people, the admin) get an empty list.
 */
export const listFeedback = async (
  ctx: ServiceContext,
  actor: Actor,
  filter: { status?: FeedbackStatus | undefined } = {},
): Promise<FeedbackView[]> => {
  const tree = await loadOrganizationTree(ctx.db);
  const handled = visibleOrganizationIds(actor, tree).filter((id) => {
    const access = feedbackAccess(actor, tree, id);
    return access.moderate || access.draft;
  });
  const rows = await listFeedbackOfUnits(ctx.db, { organizationIds: handled, status: filter.status });
  return rows.map((row) => feedbackViewOf(row, feedbackAccess(actor, tree, row.organization_id)));
};
