import type { EvaluationStatus, RoleName } from '../api/types.ts';

// Mirrors ROLE_LABELS / STATUS_LABELS of @jixiao/core without importing the engine into the shell's chunk.
export const ROLE_TEXT: Record<RoleName, string> = {
  unit_filler: '单位填报',
  unit_approver: '单位审核',
  department_reviewer: '主管部门审核',
  finance_reviewer: '财政局审核',
  admin: '系统管理员',
};

export const STATUS_COLORS: Record<EvaluationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  department_review: 'processing',
  finance_review: 'processing',
  returned: 'error',
  approved: 'success',
  published: 'green',
};

/** The statuses that wait on each role (the workflow's `from` states for that role's actions). */
export const WAITING_ON: Record<RoleName, readonly EvaluationStatus[]> = {
  unit_filler: ['draft', 'returned'],
  unit_approver: ['submitted'],
  department_reviewer: ['department_review'],
  finance_reviewer: ['finance_review', 'approved'],
  admin: [],
};
