import { createContext, useContext } from 'react';
import type { Me, RoleName } from '../api/types.ts';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only inside AppShell, which guarantees one. */
export const useSession = (): Me => {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside AppShell');
  return me;
};

export const REVIEWER_ROLES: readonly RoleName[] = ['unit_approver', 'department_reviewer', 'finance_reviewer'];

export const hasRole = (me: Me, ...roles: RoleName[]): boolean => me.roles.some((item) => roles.includes(item.role));

export const isReviewer = (me: Me): boolean => hasRole(me, ...REVIEWER_ROLES);
