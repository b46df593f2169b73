// The signed-in evaluation shapes; they carry the engine's types, so only signed-in chunks import this file.
export type {
  EvaluationDetail,
  FormChange,
  PublicationView,
  ReviewView,
  RevisionDiff,
  RevisionView,
  TextRun,
} from '@jixiao/core';

export const DOCUMENT_KINDS = [
  { kind: 'report.docx', label: '自评报告 Word' },
  { kind: 'report.pdf', label: '自评报告 PDF' },
  { kind: 'table.xlsx', label: '自评表 Excel' },
] as const;
