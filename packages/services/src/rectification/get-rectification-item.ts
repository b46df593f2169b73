import {
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_ACTIONS,
  type RectificationAction,
  type RectificationItemDetail,
} from '@jixiao/core';
import { listAuditEntries, listDisplayNames, listRectificationEvidence } from '@jixiao/db';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleRectificationItem, todayOf, toRectificationItemView } from './rectification-item-view.ts';

/** The longest history shown: an item changes a few dozen times at most. */
const HISTORY_LIMIT = 500;

const OTHER_ACTION_LABELS: Record<string, string> = {
  create: '登记整改事项',
  attach_evidence: '上传佐证材料',
};

const actionLabel = (action: string): string => {
  const name = action.replace(/^rectification\./u, '');
  return (RECTIFICATION_ACTIONS as readonly string[]).includes(name)
    ? RECTIFICATION_ACTION_LABELS[name as RectificationAction]
    : (OTHER_ACTION_LABELS[name] ?? action);
};

/** One item with its evidence files and its history from the audit log, for whoever may see its unit. */
export const getRectificationItem = async (
  ctx: ServiceContext,
  actor: Actor,
  itemId: string,
): Promise<RectificationItemDetail> => {
  const tree = await loadOrganizationTree(ctx.db);
  const item = await loadVisibleRectificationItem(ctx.db, actor, tree, itemId);
  const [evidence, entries] = await Promise.all([
    listRectificationEvidence(ctx.db, item.id),
    listAuditEntries(ctx.db, { entityId: item.id, limit: HISTORY_LIMIT }),
  ]);
  const history = entries.filter((entry) => entry.entity_type === 'rectification_item');
  const names = await listDisplayNames(ctx.db, [
    item.created_by,
    ...(item.closed_by ? [item.closed_by] : []),
    ...(item.cancelled_by ? [item.cancelled_by] : []),
    ...history.flatMap((entry) => (entry.actor_id ? [entry.actor_id] : [])),
  ]);
  const nameOf = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? '（已删除的账号）'));
  return {
    ...toRectificationItemView(item, tree, actor, todayOf(ctx.now)),
    createdByName: nameOf(item.created_by),
    closedByName: nameOf(item.closed_by),
    cancelledByName: nameOf(item.cancelled_by),
    evidence: evidence.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      mediaType: file.media_type,
      sizeBytes: file.size_bytes,
      sha256: file.sha256,
      createdAt: file.created_at.toISOString(),
    })),
    history: history.map((entry) => ({
      seq: Number(entry.seq),
      occurredAt: entry.occurred_at.toISOString(),
      action: entry.action,
      actionLabel: actionLabel(entry.action),
      actorName: nameOf(entry.actor_id),
      fromStatus: entry.from_status,
      toStatus: entry.to_status,
      reason: entry.reason,
    })),
  };
};
