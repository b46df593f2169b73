import { describe, expect, it } from 'vitest';
import type { DeclarationAction, DeclarationStatus } from '../api/budget-year.ts';
import type { Role } from '../workflow/workflow.ts';
import {
  assertDeclarationTransition,
  availableDeclarationActions,
  decideDeclarationTransition,
} from './declaration-workflow.ts';

const inForce = { superseded: false, hasLaterRevision: false };

type Case = [DeclarationStatus, DeclarationAction, Role[], string, string];

describe('decideDeclarationTransition', () => {
  it.each<Case>([
    ['draft', 'submit', ['unit_filler'], '', 'submitted'],
    ['submitted', 'withdraw', ['unit_filler'], '', 'draft'],
    ['submitted', 'approve', ['unit_approver'], '', 'department_review'],
    ['department_review', 'approve', ['department_reviewer'], '', 'finance_review'],
    ['finance_review', 'approve', ['finance_reviewer'], '', 'approved'],
    ['department_review', 'return', ['department_reviewer'], '缺少成本指标', 'returned'],
    ['returned', 'submit', ['unit_filler'], '', 'submitted'],
    ['approved', 'adjust', ['unit_filler'], '年中追加任务', 'draft'],
  ])('%s --%s (%j) → %s', (from, action, roles, reason, to) => {
    expect(assertDeclarationTransition(from, action, roles, inForce, reason)).toBe(to);
  });

  it.each<
    [DeclarationStatus, DeclarationAction, Role[], string, { superseded: boolean; hasLaterRevision: boolean }, string]
  >([
    ['approved', 'submit', ['unit_filler'], '', inForce, 'INVALID_TRANSITION'],
    ['department_review', 'return', ['department_reviewer'], ' ', inForce, 'VALIDATION_FAILED'],
    ['submitted', 'approve', ['unit_filler'], '', inForce, 'FORBIDDEN'],
    ['draft', 'adjust', ['unit_filler'], '原因', inForce, 'INVALID_TRANSITION'],
    ['approved', 'adjust', ['unit_approver'], '原因', inForce, 'FORBIDDEN'],
    ['approved', 'adjust', ['unit_filler'], '', inForce, 'VALIDATION_FAILED'],
    ['approved', 'adjust', ['unit_filler'], '原因', { superseded: true, hasLaterRevision: true }, 'INVALID_TRANSITION'],
    [
      'approved',
      'adjust',
      ['unit_filler'],
      '原因',
      { superseded: false, hasLaterRevision: true },
      'INVALID_TRANSITION',
    ],
  ])('%s --%s (%j, reason %j) is refused', (from, action, roles, reason, position, code) => {
    const decision = decideDeclarationTransition(from, action, roles, position, reason);
    expect(decision).toMatchObject({ ok: false, code });
  });

  it('speaks of 绩效目标 in its refusals', () => {
    expect(decideDeclarationTransition('approved', 'submit', ['unit_filler'], inForce)).toMatchObject({
      message: '绩效目标当前状态为“已通过”，不能执行“送审”',
    });
  });
});

describe('availableDeclarationActions', () => {
  it('offers 调整 only on the approved revision in force, to the filler', () => {
    expect(availableDeclarationActions('approved', ['unit_filler'], inForce)).toEqual(['adjust']);
    expect(
      availableDeclarationActions('approved', ['unit_filler'], { superseded: true, hasLaterRevision: true }),
    ).toEqual([]);
    expect(availableDeclarationActions('approved', ['finance_reviewer'], inForce)).toEqual([]);
    expect(availableDeclarationActions('draft', ['unit_filler'], inForce)).toEqual(['edit', 'submit']);
    expect(availableDeclarationActions('finance_review', ['finance_reviewer'], inForce)).toEqual(['approve', 'return']);
  });
});
