import {
  AppError,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_UNIT_ROLES,
  type RectificationEvidenceView,
} from '@jixiao/core';
import { effectiveRoles, loadOrganizationTree } from '../access/organization-scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { storeEvidenceFile } from '../evidence/store-evidence-file.ts';
import { loadVisibleRectificationItem } from './rectification-item-view.ts';

export type AttachRectificationEvidenceInput = { itemId: string; fileName: string; bytes: Uint8Array };

/**
 * The owner unit attaches a file showing the work done (整改佐证材料) while the item is open or in progress; a
 * submitted or closed item's evidence stays as it was judged.
 */
export const attachRectificationEvidence = (
  ctx: ServiceContext,
  actor: Actor,
  input: AttachRectificationEvidenceInput,
): Promise<RectificationEvidenceView> =>
  ctx.db.transaction().execute(async (trx) => {
    const tree = await loadOrganizationTree(trx);
    const item = await loadVisibleRectificationItem(trx, actor, tree, input.itemId, { forUpdate: true });
    const roles = effectiveRoles(actor, tree, item.organization_id);
    if (!RECTIFICATION_UNIT_ROLES.some((role) => roles.includes(role))) {
      throw new AppError('FORBIDDEN', '只有责任单位可以上传整改佐证材料');
    }
    if (item.status !== 'open' && item.status !== 'in_progress') {
      throw new AppError(
        'INVALID_TRANSITION',
        `整改事项当前为“${RECTIFICATION_STATUS_LABELS[item.status]}”，不能再上传佐证材料`,
      );
    }
    const now = ctx.now();
    const file = await storeEvidenceFile(trx, {
      organizationId: item.organization_id,
      evaluationId: item.evaluation_id,
      subject: { kind: 'rectification', rectificationItemId: item.id },
      fileName: input.fileName,
      bytes: input.bytes,
      createdBy: actor.userId,
      now,
    });
    await recordAudit(ctx, trx, {
      organizationId: item.organization_id,
      actorId: actor.userId,
      action: 'rectification.attach_evidence',
      entityType: 'rectification_item',
      entityId: item.id,
      fromStatus: item.status,
      toStatus: item.status,
      details: { attachmentId: file.id, fileName: file.file_name, sha256: file.sha256, sizeBytes: file.size_bytes },
    });
    return {
      id: file.id,
      fileName: file.file_name,
      mediaType: file.media_type,
      sizeBytes: file.size_bytes,
      sha256: file.sha256,
      createdAt: file.created_at.toISOString(),
    };
  });
