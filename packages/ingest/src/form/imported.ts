import type { ImportResult, ImportWarning, ReportFormat } from '../types.ts';
import type { ReadForm } from './form-from-blocks.ts';

/** The read forms as an import result: the file's own warnings go with every form. */
export const importedForms = (
  forms: readonly ReadForm[],
  format: ReportFormat,
  fileWarnings: readonly ImportWarning[] = [],
): ImportResult => {
  const reports = forms.map(({ form, warnings }) => ({ form, format, warnings: [...fileWarnings, ...warnings] }));
  const [report] = reports;
  if (!report) throw new Error('a document read without error has at least one form');
  return { ok: true, report, reports };
};
