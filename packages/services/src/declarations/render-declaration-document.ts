import { DECLARATION_STATUS_LABELS } from '@jixiao/core';
import {
  contentDisposition,
  type DeclarationDocumentInput,
  declarationFileName,
  renderDeclarationHtml,
  renderDeclarationXlsx,
} from '@jixiao/reports';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type RenderedDocument, renderPdf } from '../documents/render-evaluation-document.ts';
import { loadVisibleDeclaration, storedDeclarationForm } from './declaration-view.ts';

export const DECLARATION_DOCUMENT_KINDS = ['document.xlsx', 'document.pdf'] as const;
export type DeclarationDocumentKind = (typeof DECLARATION_DOCUMENT_KINDS)[number];

const CONTENT_TYPES: Record<DeclarationDocumentKind, string> = {
  'document.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'document.pdf': 'application/pdf',
};

const renderBytes = async (input: DeclarationDocumentInput, kind: DeclarationDocumentKind): Promise<Uint8Array> => {
  switch (kind) {
    case 'document.xlsx':
      return renderDeclarationXlsx(input);
    case 'document.pdf':
      return renderPdf(renderDeclarationHtml(input));
  }
};

/** The 绩效目标申报表 of one declaration revision, as it stands, for someone who may see it. */
export const renderDeclarationDocument = async (
  ctx: ServiceContext,
  actor: Actor,
  declarationId: string,
  kind: DeclarationDocumentKind,
): Promise<RenderedDocument> => {
  const tree = await loadOrganizationTree(ctx.db);
  const row = await loadVisibleDeclaration(ctx.db, actor, tree, declarationId);
  const input: DeclarationDocumentInput = {
    form: storedDeclarationForm(row),
    organizationName: tree.byId.get(row.organization_id)?.name ?? '',
    statusLabel: DECLARATION_STATUS_LABELS[row.status],
    revisionNo: row.revision_no,
  };
  const fileName = declarationFileName(input, kind === 'document.xlsx' ? 'xlsx' : 'pdf');
  return {
    fileName,
    contentType: CONTENT_TYPES[kind],
    contentDisposition: contentDisposition(fileName),
    bytes: await renderBytes(input, kind),
  };
};
