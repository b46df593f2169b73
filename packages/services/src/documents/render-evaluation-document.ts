import { AppError, type EvaluationForm, type EvaluationResult } from '@jixiao/core';
import { findOrganizationById, findPublishedRevisionId, findRevision, listIndicatorEvidence } from '@jixiao/db';
import {
  contentDisposition,
  documentFileName,
  type EvidenceListing,
  PdfRenderer,
  renderDocx,
  renderHtml,
  renderXlsx,
} from '@jixiao/reports';
import { loadOrganizationTree } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { loadVisibleEvaluation, revisionForm, revisionResult } from '../evaluations/evaluation-view.ts';
import { NOT_PUBLISHED } from '../public/get-published-evaluation.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { documentCache } from './document-cache.ts';

export const DOCUMENT_KINDS = ['report.docx', 'report.pdf', 'report.html', 'table.xlsx'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type RenderedDocument = { fileName: string; contentType: string; contentDisposition: string; bytes: Uint8Array };

const CONTENT_TYPES: Record<DocumentKind, string> = {
  'report.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'report.pdf': 'application/pdf',
  'report.html': 'text/html; charset=utf-8',
  'table.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

let pdfRenderer: PdfRenderer | null = null;

/**
 * PDFs render one at a time (about a quarter of a second each); past this many waiting, a request is told to
 * come back rather than queued, so a burst of downloads cannot grow the queue and everyone's wait without end.
 */
export const MAX_WAITING_PDF_RENDERS = 8;

/** One Chromium for the whole process (a launch costs seconds); the server closes it on shutdown. */
export const closeDocumentRenderer = async (): Promise<void> => {
  const renderer = pdfRenderer;
  pdfRenderer = null;
  await renderer?.close();
};

/** An HTML page as PDF on the process's one Chromium (other documents, e.g. the monitoring table, share it). */
export const renderPdf = async (html: string): Promise<Uint8Array> => {
  pdfRenderer ??= new PdfRenderer();
  if (pdfRenderer.pending >= MAX_WAITING_PDF_RENDERS) {
    throw new AppError('BUSY', '正在生成的 PDF 较多，请稍后再试', { retryAfterSeconds: 5 });
  }
  return pdfRenderer.render(html);
};

const renderBytes = async (
  form: EvaluationForm,
  result: EvaluationResult,
  kind: DocumentKind,
  evidence: readonly EvidenceListing[],
): Promise<Uint8Array> => {
  switch (kind) {
    case 'report.docx':
      return renderDocx(form, result, { evidence });
    case 'table.xlsx':
      return renderXlsx(form, result);
    case 'report.html':
      return new TextEncoder().encode(renderHtml(form, result));
    case 'report.pdf':
      return renderPdf(renderHtml(form, result));
  }
};

const render = async (
  form: EvaluationForm,
  result: EvaluationResult,
  kind: DocumentKind,
  unitName: string | undefined,
  evidence: readonly EvidenceListing[] = [],
): Promise<RenderedDocument> => {
  const [name, extension] = kind.split('.') as ['report' | 'table', 'docx' | 'pdf' | 'html' | 'xlsx'];
  const fileName = documentFileName(form, name, extension, unitName);
  return {
    fileName,
    contentType: CONTENT_TYPES[kind],
    contentDisposition: contentDisposition(fileName),
    bytes: await renderBytes(form, result, kind, evidence),
  };
};

/** A document of the evaluation's current revision, for someone who may see it. */
export const renderEvaluationDocument = async (
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
  kind: DocumentKind,
): Promise<RenderedDocument> => {
  const tree = await loadOrganizationTree(ctx.db);
  const evaluation = await loadVisibleEvaluation(ctx.db, actor, tree, evaluationId);
  const revision = evaluation.current_revision_id
    ? await findRevision(ctx.db, evaluation.current_revision_id)
    : undefined;
  if (!revision) throw new AppError('NOT_FOUND', '该自评还没有内容');
  // The Word report lists the 佐证材料 (附件：佐证材料清单); the public's documents do not (the files are not public).
  const evidence =
    kind === 'report.docx'
      ? (await listIndicatorEvidence(ctx.db, evaluation.id)).map((file) => ({
          indicatorName: file.indicator_name ?? '',
          fileName: file.file_name,
          sizeBytes: file.size_bytes,
          sha256: file.sha256,
        }))
      : [];
  const unitName = tree.byId.get(evaluation.organization_id)?.name;
  return render(revisionForm(revision), revisionResult(revision), kind, unitName, evidence);
};

/** A published revision never changes, so neither do its documents: the portal's downloads render once. */
const publishedDocuments = documentCache<RenderedDocument>(64 * 1024 * 1024);

/** A document of the published revision, for anyone. */
export const renderPublishedDocument = async (
  ctx: ServiceContext,
  evaluationId: string,
  kind: DocumentKind,
): Promise<RenderedDocument> => {
  const revisionId = await readMayBeStale(ctx, (db) => findPublishedRevisionId(db, evaluationId));
  if (!revisionId) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
  return publishedDocuments.get(`${revisionId}:${kind}`, async () => {
    const revision = await readMayBeStale(ctx, (db) => findRevision(db, revisionId));
    if (!revision) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
    const unit = await readMayBeStale(ctx, (db) => findOrganizationById(db, revision.organization_id));
    return render(revisionForm(revision), revisionResult(revision), kind, unit?.name);
  });
};
