import { AppError } from '@jixiao/core';
import { appendPasswordHistory, type Db, listRecentPasswordHashes, prunePasswordHistory } from '@jixiao/db';
import { PASSWORD_HISTORY_SIZE, verifyPassword } from './password.ts';

/**
 * Refuses a password equal to one of the account's last PASSWORD_HISTORY_SIZE (the current one included).
 * Call outside a transaction: each comparison is a deliberately slow argon2 verification.
 */
export const assertNotRecentlyUsed = async (db: Db, userId: string, password: string, field: string): Promise<void> => {
  for (const passwordHash of await listRecentPasswordHashes(db, userId, PASSWORD_HISTORY_SIZE)) {
    if (await verifyPassword(passwordHash, password)) {
      const message = `新密码不能与最近 ${PASSWORD_HISTORY_SIZE} 次使用过的密码相同`;
      throw new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });
    }
  }
};

/** Records a newly set password and forgets those too old to be compared against. */
export const rememberPassword = async (trx: Db, userId: string, passwordHash: string, setAt: Date): Promise<void> => {
  const seq = await appendPasswordHistory(trx, userId, passwordHash, setAt);
  await prunePasswordHistory(trx, userId, seq, PASSWORD_HISTORY_SIZE);
};
