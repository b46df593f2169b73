import { randomUUID } from 'node:crypto';
import { AppError } from '@jixiao/core';
import { insertAttachment, sha256Hex } from '@jixiao/db';
import { detectMediaType, type ImportWarning, readReport } from '@jixiao/ingest';
import type { Actor, ServiceContext } from '../context.ts';
import { createDraftIn } from './create-draft.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { updateDraftIn } from './update-draft.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFileInput = {
  organizationId: string;
  fileName: string;
  bytes: Uint8Array;
  ruleSetId?: string | undefined;
  /** Re-import into an existing draft instead of creating one. */
  into?: { evaluationId: string; expectedVersion: number } | undefined;
};

export type ImportFileOutput = { evaluation: EvaluationView; warnings: ImportWarning[]; attachmentId: string };

/**
 * Reads a report file (text, markdown, docx, xlsx, json …) into a draft and keeps the original file as an
 * attachment. A file that cannot be read changes nothing.
 */
export const importFileIntoDraft = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportFileOutput> => {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES)
    throw new AppError('FILE_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  // In the server, on an upload worker thread: a hostile file never holds up the main one.
  const imported = await (ctx.uploads?.readReport ?? readReport)({ bytes: input.bytes, fileName: input.fileName });
  if (!imported.ok) throw imported.error;
  const { form, warnings } = imported.report;
  return ctx.db.transaction().execute(async (trx) => {
    const source = { kind: 'import', fileName: input.fileName } as const;
    const evaluation = input.into
      ? await updateDraftIn(ctx, trx, actor, { ...input.into, form }, source)
      : await createDraftIn(
          ctx,
          trx,
          actor,
          { organizationId: input.organizationId, form, ruleSetId: input.ruleSetId },
          source,
        );
    const attachment = await insertAttachment(trx, {
      id: randomUUID(),
      organization_id: evaluation.organizationId,
      evaluation_id: evaluation.id,
      file_name: input.fileName,
      // What the bytes are, never what the uploader declared: a declared text/javascript made the file a script.
      media_type: detectMediaType(input.bytes),
      size_bytes: input.bytes.byteLength,
      sha256: sha256Hex(input.bytes),
      bytes: input.bytes,
      created_by: actor.userId,
      created_at: ctx.now(),
    });
    return { evaluation, warnings, attachmentId: attachment.id };
  });
};
