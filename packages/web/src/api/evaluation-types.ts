import type { EvaluationForm, EvaluationResult, WorkflowAction } from '@jixiao/core';
import type { EvaluationView } from './types.ts';

// The signed-in evaluation shapes; they carry the engine's types, so only signed-in chunks import this file.

export type RevisionView = {
  id: string;
  revisionNo: number;
  kind: string;
  ruleSet: string;
  totalScore: number;
  grade: string;
  createdBy: string;
  createdAt: string;
  sourceFileName: string | null;
};

export type ReviewView = {
  id: string;
  stage: string;
  decision: 'approved' | 'returned';
  reason: string;
  reviewerId: string;
  revisionId: string;
  createdAt: string;
};

export type EvaluationDetail = EvaluationView & {
  form: EvaluationForm | null;
  result: EvaluationResult | null;
  revisions: RevisionView[];
  reviews: ReviewView[];
  publications: { id: string; revisionId: string; publishedAt: string; unpublishedAt: string | null }[];
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; createdAt: string }[];
  availableActions: WorkflowAction[];
};

export type FieldChange = { path: string; before: unknown; after: unknown };

export type RevisionDiff = {
  from: RevisionView;
  to: RevisionView;
  changes: FieldChange[];
  totalScore: { before: number; after: number };
  findingCodes: { added: string[]; removed: string[] };
};

export const DOCUMENT_KINDS = [
  { kind: 'report.docx', label: '自评报告 Word' },
  { kind: 'report.pdf', label: '自评报告 PDF' },
  { kind: 'table.xlsx', label: '自评表 Excel' },
] as const;
