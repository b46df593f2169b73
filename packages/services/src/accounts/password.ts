import { randomInt } from 'node:crypto';
import type { PasswordChangeReason } from '@jixiao/core';
import { AppError } from '@jixiao/core';
import type { User } from '@jixiao/db';
import { hash, verify } from '@node-rs/argon2';

export type { PasswordChangeReason } from '@jixiao/core';

export const MIN_PASSWORD_LENGTH = 10;

/**
 * GB/T 22239-2019 (等保 2.0) level 3, 8.1.4.1 a): 身份鉴别信息具有复杂度要求并定期更换. The standard leaves the
 * period to the operator; 90 days is the period assessors usually expect. The one place it is set.
 */
export const PASSWORD_MAX_AGE_DAYS = 90;

/** A new password may not repeat any of the account's last five (the current one included). */
export const PASSWORD_HISTORY_SIZE = 5;

const CLASSES: readonly [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

/**
 * Password policy: at least 10 characters drawn from at least 3 of the 4 classes, and not containing the
 * username (when given). Returns the problem, or null.
 */
export const passwordProblem = (password: string, username: string | null = null): string | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`;
  const used = CLASSES.filter(([pattern]) => pattern.test(password)).length;
  if (used < 3) return `密码需至少包含${CLASSES.map(([, label]) => label).join('、')}中的三类`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
};

export const assertPasswordPolicy = (password: string, username: string | null = null, field = 'password'): void => {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: { [field]: problem } });
};

const DAY_MS = 86_400_000;

export const passwordExpiresAt = (changedAt: Date): Date =>
  new Date(changedAt.getTime() + PASSWORD_MAX_AGE_DAYS * DAY_MS);

export const passwordChangeReason = (
  user: Pick<User, 'must_change_password' | 'password_changed_at'>,
  now: Date,
): PasswordChangeReason | null => {
  if (user.must_change_password) return 'must_change';
  return passwordExpiresAt(user.password_changed_at) <= now ? 'expired' : null;
};

export const passwordChangeMessage = (reason: PasswordChangeReason): string => {
  switch (reason) {
    case 'must_change':
      return '当前密码是管理员设置的临时密码，请先修改密码';
    case 'expired':
      return `密码已超过 ${PASSWORD_MAX_AGE_DAYS} 天未修改，请先修改密码`;
  }
};

/** Argon2id is the library's default algorithm (its const enum cannot be imported under verbatimModuleSyntax). */
/** No 0/O, 1/l/I: the temporary password is often read out over the telephone. */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Four groups of four random characters joined by hyphens (about 90 bits), redrawn until it meets the policy. */
export const temporaryPasswordFor = (username: string): string => {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => TEMPORARY_ALPHABET.charAt(randomInt(TEMPORARY_ALPHABET.length))).join(''),
    );
    const candidate = groups.join('-');
    if (passwordProblem(candidate, username) === null) return candidate;
  }
};

type HashCost = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP's argon2id minimum (19 MiB, two passes, one lane), stated rather than left to the library's defaults. */
const PRODUCTION_COST: HashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
let hashCost = PRODUCTION_COST;

/**
 * Test processes only (vitest's setup file): hashes at the lowest cost argon2 accepts, because a suite that
 * creates and signs in hundreds of accounts spent much of a busy CI machine's CPU on hashing. Verification reads
 * the cost from each stored hash, so both kinds verify either way.
 */
export const lowerPasswordHashCostForTests = (): void => {
  hashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
};

export const hashPassword = (password: string): Promise<string> => hash(password, hashCost);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);
