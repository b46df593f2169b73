import { AppError } from '@jixiao/core';
import { findAttachment } from '@jixiao/db';
import { canSee, loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';

export type AttachmentFile = { fileName: string; mediaType: string; sha256: string; bytes: Uint8Array };

/** An uploaded original file, for whoever may see the unit that owns it. */
export const getAttachment = async (
  ctx: ServiceContext,
  actor: Actor,
  attachmentId: string,
): Promise<AttachmentFile> => {
  const tree = await loadOrganizationTree(ctx.db);
  const attachment = await findAttachment(ctx.db, attachmentId);
  if (!attachment || !canSee(actor, tree, attachment.organization_id))
    throw new AppError('NOT_FOUND', '附件不存在或无权查看');
  return {
    fileName: attachment.file_name,
    mediaType: attachment.media_type,
    sha256: attachment.sha256,
    bytes: attachment.bytes,
  };
};
