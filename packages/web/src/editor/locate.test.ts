import type { Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { flagsOf, targetOf } from './locate.ts';

describe('targetOf', () => {
  it.each([
    ['indicators[2].target', 2, 'indicator-row-2'],
    ['narrative.section7', null, 'narrative-section-7'],
    ['narrative', null, 'section-narrative'],
    ['funds.adjustedBudget', null, 'section-funds'],
    ['statedTotal.score', null, 'section-total'],
    ['statedGrade', null, 'section-total'],
    ['declaredLevel1Weights.output', null, 'section-indicators'],
    ['projectName', null, 'section-project'],
  ])('%s', (where, row, elementId) => {
    expect(targetOf(where)).toEqual({ row, elementId });
  });
});

describe('flagsOf', () => {
  const finding = (where: string, severity: Finding['severity']): Finding => ({
    code: 'TOTAL_MISMATCH',
    severity,
    message: '',
    where,
    rule: '',
  });

  it('keeps the worst severity per path and ignores information', () => {
    const flagged = flagsOf([
      finding('a', 'warning'),
      finding('a', 'error'),
      finding('a', 'warning'),
      finding('b', 'info'),
      finding('c', 'warning'),
    ]);
    expect([flagged('a'), flagged('b'), flagged('c'), flagged('d')]).toEqual(['error', '', 'warning', '']);
  });
});
