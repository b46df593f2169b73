import { ApiError } from '../api/client.ts';

export type ExistingEvaluation = {
  evaluationId: string;
  status: string;
  version: number;
  projectName: string;
  fiscalYear: number;
};

export type MismatchedForm = { projectName: string; statedUnit: string; statedDepartment: string };

/** An import the server held back with a way forward, rather than one that failed. */
export type ImportObstacle =
  | { kind: 'unit-mismatch'; message: string; unitName: string; departmentName: string | null; forms: MismatchedForm[] }
  | { kind: 'duplicate'; message: string; existing: ExistingEvaluation };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const existingOf = (value: unknown): ExistingEvaluation | null =>
  isRecord(value) && typeof value['evaluationId'] === 'string' && typeof value['version'] === 'number'
    ? {
        evaluationId: value['evaluationId'],
        status: text(value['status']),
        version: value['version'],
        projectName: text(value['projectName']),
        fiscalYear: typeof value['fiscalYear'] === 'number' ? value['fiscalYear'] : 0,
      }
    : null;

/** Reads the server's IMPORT_UNIT_MISMATCH and DUPLICATE_PROJECT answers; anything else is a plain failure. */
export const importObstacleOf = (error: unknown): ImportObstacle | null => {
  if (!(error instanceof ApiError)) return null;
  const { context } = error;
  if (error.code === 'IMPORT_UNIT_MISMATCH') {
    const forms = Array.isArray(context['forms']) ? context['forms'].filter(isRecord) : [];
    return {
      kind: 'unit-mismatch',
      message: error.message,
      unitName: text(context['unitName']),
      departmentName: typeof context['departmentName'] === 'string' ? context['departmentName'] : null,
      forms: forms.map((form) => ({
        projectName: text(form['projectName']),
        statedUnit: text(form['statedUnit']),
        statedDepartment: text(form['statedDepartment']),
      })),
    };
  }
  if (error.code === 'DUPLICATE_PROJECT') {
    const existing = existingOf(context['existing']);
    return existing ? { kind: 'duplicate', message: error.message, existing } : null;
  }
  return null;
};

/** A file can become the next version of an existing record only while the unit may still edit it. */
export const canImportInto = (existing: ExistingEvaluation): boolean =>
  existing.status === 'draft' || existing.status === 'returned';
