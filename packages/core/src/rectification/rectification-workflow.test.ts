import { describe, expect, it } from 'vitest';
import { chinaDate } from '../util/china-date.ts';
import type { Role } from '../workflow/workflow.ts';
import {
  assertRectificationStep,
  availableRectificationActions,
  isCalendarDate,
  isRectificationOverdue,
  mayCancelRectification,
  type RectificationAction,
  type RectificationStatusName,
} from './rectification-workflow.ts';

describe('rectification steps', () => {
  it.each<[RectificationStatusName, RectificationAction, Role, string, RectificationStatusName]>([
    ['open', 'start', 'unit_filler', '', 'in_progress'],
    ['open', 'update', 'unit_approver', '', 'open'],
    ['in_progress', 'update', 'unit_filler', '', 'in_progress'],
    ['in_progress', 'submit', 'unit_filler', '', 'submitted'],
    ['submitted', 'return', 'department_reviewer', '佐证材料不全', 'in_progress'],
    ['submitted', 'close', 'finance_reviewer', '已整改到位', 'closed'],
    ['in_progress', 'revise', 'department_reviewer', '延期至年底', 'in_progress'],
    ['open', 'cancel', 'department_reviewer', '重复登记', 'cancelled'],
    ['submitted', 'cancel', 'finance_reviewer', '单位登记错误', 'cancelled'],
  ])('%s + %s by %s → %s', (from, action, role, reason, to) => {
    expect(assertRectificationStep(from, action, [role], reason)).toBe(to);
  });

  it.each<[RectificationStatusName, RectificationAction, Role, string, string]>([
    ['submitted', 'close', 'unit_approver', '好了', 'FORBIDDEN'],
    ['open', 'start', 'department_reviewer', '', 'FORBIDDEN'],
    ['open', 'submit', 'admin', '', 'FORBIDDEN'],
    ['open', 'submit', 'unit_filler', '', 'INVALID_TRANSITION'],
    ['in_progress', 'close', 'department_reviewer', '好', 'INVALID_TRANSITION'],
    ['closed', 'update', 'unit_filler', '', 'INVALID_TRANSITION'],
    ['submitted', 'return', 'department_reviewer', ' \u200b ', 'VALIDATION_FAILED'],
    ['submitted', 'close', 'department_reviewer', '', 'VALIDATION_FAILED'],
    ['closed', 'revise', 'finance_reviewer', '延期', 'INVALID_TRANSITION'],
    ['open', 'revise', 'unit_approver', '延期', 'FORBIDDEN'],
    ['open', 'cancel', 'unit_filler', '误登记', 'FORBIDDEN'],
    ['closed', 'cancel', 'finance_reviewer', '误登记', 'INVALID_TRANSITION'],
    ['cancelled', 'cancel', 'finance_reviewer', '误登记', 'INVALID_TRANSITION'],
    ['cancelled', 'start', 'unit_filler', '', 'INVALID_TRANSITION'],
    ['in_progress', 'cancel', 'department_reviewer', ' ', 'VALIDATION_FAILED'],
  ])('%s + %s by %s is refused', (from, action, role, reason, code) => {
    expect(() => assertRectificationStep(from, action, [role], reason)).toThrow(expect.objectContaining({ code }));
  });

  it('lists the actions a role may take now', () => {
    expect(availableRectificationActions('open', ['unit_filler'])).toEqual(['start', 'update']);
    expect(availableRectificationActions('submitted', ['department_reviewer'])).toEqual([
      'return',
      'close',
      'revise',
      'cancel',
    ]);
    expect(availableRectificationActions('closed', ['finance_reviewer', 'unit_filler'])).toEqual([]);
    expect(availableRectificationActions('cancelled', ['finance_reviewer', 'unit_filler'])).toEqual([]);
  });

  it.each<[Role[], boolean, boolean]>([
    [['finance_reviewer'], false, true],
    [['department_reviewer'], true, true],
    [['department_reviewer'], false, false],
    [['unit_filler'], true, false],
    [['admin'], false, false],
  ])('with roles %j, registered by them %s, may cancel: %s', (roles, registered, expected) => {
    expect(mayCancelRectification(roles, registered)).toBe(expected);
  });

  it('never counts a cancelled item overdue', () => {
    expect(isRectificationOverdue({ status: 'cancelled', deadline: '2026-01-01' }, '2026-07-01')).toBe(false);
    expect(isRectificationOverdue({ status: 'in_progress', deadline: '2026-01-01' }, '2026-07-01')).toBe(true);
  });
});

describe('dates', () => {
  it.each<[string, string]>([
    ['2026-06-30T15:59:59Z', '2026-06-30'],
    ['2026-06-30T16:00:00Z', '2026-07-01'],
  ])('%s is %s in China', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it.each<[string, boolean]>([
    ['2026-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-6-30', false],
    ['明年六月', false],
  ])('%s is a date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
