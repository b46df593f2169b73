import type { Role } from '../workflow/workflow.ts';

/** The organisation tree (glossary): 财政局 → 主管部门 → 预算单位. */
export const ORGANIZATION_KINDS = ['finance_bureau', 'department', 'budget_unit'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  finance_bureau: '财政局',
  department: '主管部门',
  budget_unit: '预算单位',
};

/** The kind of each kind's parent; the bureau is the root. */
export const ORGANIZATION_PARENT_KINDS: Record<OrganizationKind, OrganizationKind | null> = {
  finance_bureau: null,
  department: 'finance_bureau',
  budget_unit: 'department',
};

/**
 * On which kind of organisation each role may be granted (a unit fills, a department and the bureau review). The
 * 系统管理员 administers accounts for the bureau or for a department's units; a budget unit is not offered it (its
 * accounts are made by the department or the bureau, which also keeps a unit from granting itself review roles).
 */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  unit_filler: ['budget_unit'],
  unit_approver: ['budget_unit'],
  department_reviewer: ['department'],
  finance_reviewer: ['finance_bureau'],
  admin: ['finance_bureau', 'department'],
};
