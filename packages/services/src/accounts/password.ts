import { AppError } from '@jixiao/core';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

const CLASSES: readonly [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '符号'],
];

/** Password policy: at least 10 characters drawn from at least 3 of the 4 classes. Returns the problem, or null. */
export const passwordProblem = (password: string): string | null => {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`;
  const used = CLASSES.filter(([pattern]) => pattern.test(password)).length;
  if (used < 3) return `密码需至少包含${CLASSES.map(([, label]) => label).join('、')}中的三类`;
  return null;
};

export const assertPasswordPolicy = (password: string): void => {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: { password: problem } });
};

/** Argon2id is the library's default algorithm (its const enum cannot be imported under verbatimModuleSyntax). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);
