import type { Me, RoleName } from '../api/types.ts';

export type NavItem = { key: string; label: string; roles: readonly RoleName[] | 'all' };

/** What each role sees in the menu; a route a role cannot use is not offered. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: '/app', label: '待办', roles: 'all' },
  {
    key: '/app/declarations',
    label: '绩效目标申报',
    roles: ['unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer'],
  },
  {
    key: '/app/monitoring',
    label: '运行监控',
    roles: ['unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer'],
  },
  { key: '/app/evaluations', label: '自评填报', roles: ['unit_filler'] },
  { key: '/app/review', label: '审核队列', roles: ['unit_approver', 'department_reviewer', 'finance_reviewer'] },
  { key: '/app/dashboard', label: '绩效看板', roles: ['finance_reviewer', 'department_reviewer'] },
  { key: '/app/bulk-audits', label: '批量审核', roles: ['department_reviewer', 'finance_reviewer'] },
  {
    key: '/app/rectifications',
    label: '整改跟踪',
    roles: ['unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer'],
  },
  { key: '/app/result-application', label: '结果应用', roles: ['finance_reviewer'] },
  {
    key: '/app/feedback',
    label: '公众反馈',
    roles: ['unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer'],
  },
  { key: '/app/appeals', label: '申诉复议', roles: ['unit_filler', 'unit_approver', 'finance_reviewer'] },
  { key: '/app/accounts', label: '账户管理', roles: ['admin'] },
  { key: '/app/organizations', label: '单位管理', roles: ['admin'] },
];

export const navigationFor = (me: Me): NavItem[] =>
  NAV_ITEMS.filter((item) => item.roles === 'all' || me.roles.some((held) => item.roles.includes(held.role)));

/** The menu entry a path belongs to: the longest key that prefixes it. */
export const selectedNavKey = (items: readonly NavItem[], pathname: string): string =>
  items
    .map((item) => item.key)
    .filter((key) => pathname === key || pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)[0] ?? '/app';
