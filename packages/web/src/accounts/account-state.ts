import type { UserItem } from '../api/account-types.ts';

export type AccountState = { label: string; color: string; detail: string | null };

const timeOf = (iso: string): string => {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/**
 * What an administrator needs to know of an account at a glance, most pressing first: stopped, waiting for its first password change, password expired, or in order.
 */
export const accountState = (user: UserItem): AccountState => {
  if (user.disabled) {
    return { label: '已停用', color: 'default', detail: user.disabledAt ? `停用于 ${timeOf(user.disabledAt)}` : null };
  }
  switch (user.passwordChangeRequired) {
    case 'must_change':
      return { label: '待修改临时密码', color: 'warning', detail: '首次登录须修改管理员设置的密码' };
    case 'expired':
      return { label: '密码已过期', color: 'warning', detail: `密码于 ${timeOf(user.passwordExpiresAt)} 过期` };
    case null:
      return { label: '正常', color: 'success', detail: `密码有效期至 ${timeOf(user.passwordExpiresAt)}` };
  }
};
