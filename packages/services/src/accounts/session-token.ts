import { createHash, randomBytes } from 'node:crypto';

/** The database keeps only a digest of the session token, so a leaked table does not leak sessions. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newToken = (): string => randomBytes(32).toString('base64url');
