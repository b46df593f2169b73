import { AppError } from '@jixiao/core';
import { type ImportWarning, readDeclarationFile } from '@jixiao/ingest';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { MAX_IMPORT_BYTES } from '../evaluations/import-file-into-draft.ts';
import { createDeclarationIn, retryOnDuplicateDeclaration } from './create-declaration.ts';
import type { DeclarationView } from './declaration-view.ts';

export type ImportDeclarationInput = { organizationId: string; fileName: string; bytes: Uint8Array };

export type ImportDeclarationOutput = { declaration: DeclarationView; warnings: ImportWarning[] };

/**
 * A 绩效目标申报表 file (.xlsx, .xls, .docx …, read by @jixiao/ingest) becomes the unit's draft declaration, with
 * the reader's warnings beside it so the unit sees what was guessed. The role is checked before the file is read.
 */
export const importDeclaration = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ImportDeclarationInput,
): Promise<ImportDeclarationOutput> => {
  if (input.bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，无法导入`);
  }
  const tree = await loadOrganizationTree(ctx.db);
  requireRoleOn(actor, tree, requireOrganization(tree, input.organizationId).id, 'unit_filler');
  const read = await readDeclarationFile(input.bytes, input.fileName);
  if (!read.ok) throw read.error;
  const declaration = await retryOnDuplicateDeclaration(() =>
    ctx.db
      .transaction()
      .execute((trx) =>
        createDeclarationIn(
          ctx,
          trx,
          actor,
          { organizationId: input.organizationId, form: read.value },
          input.fileName,
        ),
      ),
  );
  return { declaration, warnings: read.warnings };
};
