import { createContext } from 'react';
import type { PasswordChangeReason } from '../api/types.ts';

export const PASSWORD_PATH = '/app/password';

/**
 * Whether the person must change the password before anything else, and why (`explanation` null: not
 * required); `changed` lifts the requirement in the signed-in frame once the server has accepted a change.
 */
export type PasswordChangeState = { explanation: string | null; changed: () => void };

export const PasswordChangeContext = createContext<PasswordChangeState>({
  explanation: null,
  changed: () => undefined,
});

export const explainPasswordChange = (reason: PasswordChangeReason): string => {
  switch (reason) {
    case 'expired':
      return '您的密码已超过有效期。按照网络安全等级保护的要求，密码须定期更换：请先设置新密码，再继续使用系统。';
    case 'must_change':
      return '您正在使用管理员设置的临时密码。请先设置一个只有您自己知道的新密码，再继续使用系统。';
  }
};
