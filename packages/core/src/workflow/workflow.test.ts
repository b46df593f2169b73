import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  availableActions,
  decideTransition,
  EVALUATION_STATUSES,
  type EvaluationStatus,
  isEditableStatus,
  ROLES,
  type Role,
  WORKFLOW_ACTIONS,
  WORKFLOW_RULES,
  type WorkflowAction,
  waitingStatuses,
} from './workflow.ts';

describe('decideTransition', () => {
  it.each<[EvaluationStatus, WorkflowAction, Role, EvaluationStatus]>([
    ['draft', 'submit', 'unit_filler', 'submitted'],
    ['returned', 'submit', 'unit_filler', 'submitted'],
    ['submitted', 'approve', 'unit_approver', 'department_review'],
    ['department_review', 'approve', 'department_reviewer', 'finance_review'],
    ['finance_review', 'approve', 'finance_reviewer', 'approved'],
    ['approved', 'publish', 'finance_reviewer', 'published'],
    ['submitted', 'withdraw', 'unit_filler', 'draft'],
  ])('%s --%s by %s--> %s', (from, action, role, to) => {
    const decision = decideTransition(from, action, [role]);
    expect(decision.ok && decision.rule.to).toBe(to);
  });

  it.each<[EvaluationStatus, Role]>([
    ['submitted', 'unit_approver'],
    ['submitted', 'finance_reviewer'],
    ['department_review', 'department_reviewer'],
    ['department_review', 'finance_reviewer'],
    ['finance_review', 'finance_reviewer'],
  ])('a return from %s by %s needs a reason and goes to returned', (from, role) => {
    expect(decideTransition(from, 'return', [role], '  ')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const decision = decideTransition(from, 'return', [role], '偏差原因未说明');
    expect(decision.ok && decision.rule.to).toBe('returned');
  });

  it.each<[EvaluationStatus, WorkflowAction, Role]>([
    ['draft', 'submit', 'unit_approver'],
    ['draft', 'submit', 'admin'],
    ['submitted', 'approve', 'unit_filler'],
    ['submitted', 'approve', 'department_reviewer'],
    ['department_review', 'approve', 'unit_approver'],
    ['finance_review', 'approve', 'department_reviewer'],
    ['finance_review', 'return', 'department_reviewer'],
    ['approved', 'publish', 'department_reviewer'],
    ['published', 'unpublish', 'admin'],
    ['submitted', 'withdraw', 'unit_approver'],
  ])('refuses %s --%s by %s as FORBIDDEN', (from, action, role) => {
    expect(decideTransition(from, action, [role], '原因')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it.each<[EvaluationStatus, WorkflowAction]>([
    ['draft', 'approve'],
    ['submitted', 'submit'],
    ['submitted', 'edit'],
    ['approved', 'edit'],
    ['published', 'return'],
    ['draft', 'publish'],
    // Once the unit's approver has acted, the submission is no longer the filler's to take back.
    ['department_review', 'withdraw'],
    ['draft', 'withdraw'],
  ])('refuses %s --%s as INVALID_TRANSITION whatever the roles', (from, action) => {
    expect(decideTransition(from, action, ROLES, '原因')).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(() => assertTransition(from, action, ROLES, '原因')).toThrow(/不能执行/);
  });

  it('unpublish needs a reason and returns to approved', () => {
    expect(decideTransition('published', 'unpublish', ['finance_reviewer'])).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const decision = decideTransition('published', 'unpublish', ['finance_reviewer'], '信息有误');
    expect(decision.ok && decision.rule.to).toBe('approved');
  });
});

describe('workflow invariants', () => {
  it('has at most one rule per (status, action), and edits keep the status', () => {
    const keys = WORKFLOW_RULES.map((item) => `${item.from}/${item.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of WORKFLOW_RULES.filter((candidate) => candidate.action === 'edit'))
      expect(item.to).toBe(item.from);
  });

  it('only editable statuses allow edits, and nobody may edit after submission', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVALUATION_STATUSES), fc.subarray([...ROLES]), (status, roles) => {
        const canEdit = availableActions(status, roles).includes('edit');
        if (canEdit) expect(isEditableStatus(status)).toBe(true);
      }),
    );
  });

  it('every status is reachable from draft, and published is reachable from every status but published', () => {
    const reachable = (start: EvaluationStatus): Set<EvaluationStatus> => {
      const seen = new Set<EvaluationStatus>([start]);
      const queue = [start];
      for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
        for (const item of WORKFLOW_RULES.filter((candidate) => candidate.from === current)) {
          if (!seen.has(item.to)) {
            seen.add(item.to);
            queue.push(item.to);
          }
        }
      }
      return seen;
    };
    expect([...reachable('draft')].sort()).toEqual([...EVALUATION_STATUSES].sort());
    for (const status of EVALUATION_STATUSES) expect(reachable(status).has('published')).toBe(true);
  });

  it('decides the same as availableActions for every status, action and role', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVALUATION_STATUSES),
        fc.constantFrom(...WORKFLOW_ACTIONS),
        fc.subarray([...ROLES]),
        (status, action, roles) => {
          const allowed = decideTransition(status, action, roles, '原因').ok;
          expect(allowed).toBe(availableActions(status, roles).includes(action));
        },
      ),
    );
  });
});

describe('waitingStatuses', () => {
  it.each([
    ['unit_filler', ['draft', 'returned']],
    ['unit_approver', ['submitted']],
    ['department_reviewer', ['department_review']],
    // The bureau may return at any stage, but only its own stage and publication wait on it.
    ['finance_reviewer', ['finance_review', 'approved']],
    ['admin', []],
  ] as const)('%s waits on %j', (role, statuses) => {
    expect(waitingStatuses(role)).toEqual(statuses);
  });
});
