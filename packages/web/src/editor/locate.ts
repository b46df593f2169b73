import type { Finding } from '@jixiao/core';
import { indicatorIndexOf } from './form-ops.ts';

/** The element a finding's `where` path points at: an indicator row or the section holding the field. */
export const targetOf = (where: string): { row: number | null; elementId: string } => {
  const row = indicatorIndexOf(where);
  if (row !== null) return { row, elementId: `indicator-row-${row}` };
  const section = where.match(/^narrative\.section(\d+)/u);
  if (section) return { row: null, elementId: `narrative-section-${section[1]}` };
  if (where.startsWith('narrative')) return { row: null, elementId: 'section-narrative' };
  if (where.startsWith('funds')) return { row: null, elementId: 'section-funds' };
  if (where.startsWith('statedTotal') || where.startsWith('statedGrade'))
    return { row: null, elementId: 'section-total' };
  if (where.startsWith('declaredLevel1Weights') || where.startsWith('indicators')) {
    return { row: null, elementId: 'section-indicators' };
  }
  return { row: null, elementId: 'section-project' };
};

/** How an input is marked: antd's status values, '' for unmarked. */
export type FieldFlag = 'error' | 'warning' | '';

/** Severity per exact form path, for marking inputs (information findings do not mark). */
export const flagsOf = (findings: readonly Finding[]) => {
  const flags = new Map<string, 'error' | 'warning'>();
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    if (flags.get(finding.where) !== 'error') flags.set(finding.where, finding.severity);
  }
  return (path: string): FieldFlag => flags.get(path) ?? '';
};
