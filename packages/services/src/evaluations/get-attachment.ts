import { AppError } from '@jixiao/core';
import { findAttachment } from '@jixiao/db';
import { detectMediaType, type MediaType } from '@jixiao/ingest';
import { contentDisposition } from '@jixiao/reports';
import { canSee, loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';

export type AttachmentFile = {
  fileName: string;
  /** Detected from the bytes on every read: rows imported before detection hold the uploader's declared type. */
  contentType: MediaType;
  /** Always a download (RFC 6266 / 5987), never shown in the browser. */
  contentDisposition: string;
  sha256: string;
  bytes: Uint8Array;
};

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
    contentType: detectMediaType(attachment.bytes),
    contentDisposition: contentDisposition(attachment.file_name),
    sha256: attachment.sha256,
    bytes: attachment.bytes,
  };
};
