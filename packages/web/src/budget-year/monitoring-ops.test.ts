import type { BudgetYearRow, DeclarationListItem, MonitoringListItem } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  changedCells,
  changeText,
  declarationsToEvaluate,
  isCalendarDay,
  percentText,
  reportSlots,
} from './monitoring-ops.ts';

const declaration = (id: string, overrides: Partial<DeclarationListItem> = {}): DeclarationListItem => ({
  id,
  organizationId: 'o1',
  organizationName: '第一单位',
  fiscalYear: 2026,
  projectName: `项目${id}`,
  revisionNo: 1,
  status: 'approved',
  statusLabel: '已批复',
  superseded: false,
  findingCounts: { error: 0, warning: 0, info: 0 },
  updatedAt: '2026-03-01T00:00:00Z',
  approvedAt: '2026-03-01T00:00:00Z',
  ...overrides,
});

const report = (declarationId: string, roundId: string): MonitoringListItem => ({
  id: `r-${declarationId}-${roundId}`,
  roundId,
  declarationId,
  organizationId: 'o1',
  organizationName: '第一单位',
  fiscalYear: 2026,
  projectName: '项目',
  asOf: '2026-07-31',
  status: 'draft',
  statusLabel: '草稿',
  executionRate: null,
  timeShare: '58.08',
  behindSchedule: false,
  atRiskIndicators: 0,
  submittedAt: null,
  updatedAt: '2026-08-01T00:00:00Z',
});

describe('isCalendarDay', () => {
  it('takes real days and refuses impossible or loosely written ones', () => {
    expect(isCalendarDay('2026-07-31')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-7-31')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
  });
});

describe('reportSlots', () => {
  it('lists the declarations in force with the report of this round', () => {
    const slots = reportSlots(
      [
        declaration('a'),
        declaration('b', { status: 'draft', statusLabel: '草稿' }),
        declaration('c', { superseded: true }),
        declaration('d'),
      ],
      [report('a', 'round-1'), report('d', 'round-0')],
      'round-1',
    );
    expect(slots.map((slot) => [slot.declaration.id, slot.report?.id ?? null])).toEqual([
      ['a', 'r-a-round-1'],
      ['d', null],
    ]);
  });
});

describe('comparison helpers', () => {
  const row: BudgetYearRow = {
    name: '培训人次',
    declared: { target: '≥500人次', weight: '10' },
    monitored: null,
    evaluated: { target: '≥300人次', weight: '10', actual: '320人次', statedScore: '10' },
    changes: ['target'],
  };
  it('marks what moved and says it in Chinese', () => {
    expect(changedCells(row)).toEqual({ target: true, weight: false, row: false });
    expect(changeText({ ...row, changes: ['target', 'weight'] })).toBe('指标值变动、分值变动');
    expect(changedCells({ ...row, changes: ['added'] }).row).toBe(true);
  });
  it('shows percentages with their sign and a dash when unknown', () => {
    expect(percentText('58.08')).toBe('58.08%');
    expect(percentText(null)).toBe('—');
  });
});

describe('declarationsToEvaluate', () => {
  it('offers approved targets in force whose project has no evaluation of that year', () => {
    const evaluations = [{ organizationId: 'o1', fiscalYear: 2026, projectName: ' 项目a ' }];
    const offered = declarationsToEvaluate(
      [
        declaration('a'),
        declaration('b'),
        declaration('c', { status: 'finance_review', statusLabel: '财政局审核中' }),
        declaration('d', { superseded: true }),
        declaration('e', { fiscalYear: 2025 }),
      ],
      [...evaluations, { organizationId: 'o1', fiscalYear: 2026, projectName: '项目e' }],
    );
    expect(offered.map((item) => item.id)).toEqual(['b', 'e']);
  });
});
