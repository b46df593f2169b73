import { readFileSync } from 'node:fs';
import { attachmentPayload, payload } from './script-trap.ts';

const VALID_FORM = new URL('../../fixtures/json/valid-form.json', import.meta.url);

/** Cells the engine needs as numbers or keys to score the form and place it on the dashboard. */
const KEPT = new Set([
  'formVersion',
  'formType',
  'formKind',
  'unit',
  'initialBudget',
  'adjustedBudget',
  'executed',
  'executionWeight',
  'statedExecutionRate',
  'statedExecutionScore',
  'weight',
  'statedScore',
  'score',
  'level1',
  'level2',
  'output',
  'outcome',
  'satisfaction',
]);

const plantAll = (value: object, path: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      KEPT.has(key) ? item : plant(item, path ? `${path}.${key}` : key),
    ]),
  );

const plant = (value: unknown, path: string): unknown => {
  if (Array.isArray(value)) return value.map((item, index) => plant(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null) return plantAll(value, path);
  return typeof value === 'string' ? payload(path) : value;
};

/**
 * A real form (fixtures/json/valid-form.json) with a script payload in every text a filler types: project,
 * code, department and unit, annual goals, every indicator's labels, name, target, actual, note, comparator
 * and unit, the grade, the narrative's title, headings and bodies. Amounts and points stay numbers, so the
 * form is scored and drawn on the dashboard. The project name carries the iframe of an attachment.
 */
export const hostileForm = (attachmentId: string): Record<string, unknown> => ({
  ...plantAll(JSON.parse(readFileSync(VALID_FORM, 'utf8')), ''),
  projectName: attachmentPayload('projectName', attachmentId),
});
