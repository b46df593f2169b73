import { describe, expect, it } from 'vitest';
import type { UserItem } from '../api/account-types.ts';
import { accountState } from './account-state.ts';

const user = (overrides: Partial<UserItem>): UserItem => ({
  id: 'u1',
  username: 'zhengshou.filler',
  displayName: '征收办填报人',
  disabled: false,
  disabledAt: null,
  passwordChangedAt: '2026-01-01T09:00:00',
  passwordExpiresAt: '2026-04-01T09:00:00',
  passwordChangeRequired: null,
  createdAt: '2026-01-01T09:00:00',
  lastLoginAt: null,
  roles: [],
  ...overrides,
});

describe('accountState', () => {
  it.each([
    ['in order', user({}), '正常', '密码有效期至 2026-04-01 09:00'],
    [
      'stopped, even when its password must change',
      user({ disabled: true, disabledAt: '2026-02-03T08:05:00', passwordChangeRequired: 'must_change' }),
      '已停用',
      '停用于 2026-02-03 08:05',
    ],
    [
      'waiting for the first change',
      user({ passwordChangeRequired: 'must_change' }),
      '待修改临时密码',
      '首次登录须修改管理员设置的密码',
    ],
    ['expired', user({ passwordChangeRequired: 'expired' }), '密码已过期', '密码于 2026-04-01 09:00 过期'],
  ])('%s', (_case, account, label, detail) => {
    expect(accountState(account)).toMatchObject({ label, detail });
  });
});
