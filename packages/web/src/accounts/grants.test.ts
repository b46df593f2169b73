import { describe, expect, it } from 'vitest';
import { grantableRoles, organizationLabel } from './grants.ts';

describe('grantableRoles', () => {
  it.each([
    ['budget_unit', ['unit_filler', 'unit_approver']],
    ['department', ['department_reviewer', 'admin']],
    ['finance_bureau', ['finance_reviewer', 'admin']],
    ['something_else', []],
  ])('on a %s: %j', (kind, roles) => {
    expect(grantableRoles({ kind })).toEqual(roles);
  });
});

describe('organizationLabel', () => {
  it('names the kind after the organisation, and leaves an unknown kind out', () => {
    expect(organizationLabel({ name: '开福区教育局', kind: 'department' })).toBe('开福区教育局（主管部门）');
    expect(organizationLabel({ name: '某单位', kind: 'other' })).toBe('某单位');
  });
});
