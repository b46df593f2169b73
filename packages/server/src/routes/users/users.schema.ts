import { ROLES } from '@jixiao/core';
import { z } from 'zod';

export const createUserBody = z.strictObject({
  username: z.string().min(3).max(64),
  displayName: z.string().max(100).default(''),
  password: z.string().min(1).max(256),
  roles: z
    .array(z.strictObject({ organizationId: z.uuid(), role: z.enum(ROLES) }))
    .min(1)
    .max(50),
});

export const userDisabledResponse = z.object({
  userId: z.string(),
  disabled: z.literal(true),
  revokedSessions: z.number().int(),
});

export const userEnabledResponse = z.object({ userId: z.string(), disabled: z.literal(false) });

/** The only time the temporary password leaves the server; its field name is redacted from logs. */
export const passwordResetResponse = z.object({
  userId: z.string(),
  username: z.string(),
  temporaryPassword: z.string(),
  revokedSessions: z.number().int(),
});

export const sessionsRevokedResponse = z.object({ userId: z.string(), revokedSessions: z.number().int() });
