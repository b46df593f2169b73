import { ROLES, safeText } from '@jixiao/core';
import { z } from 'zod';

const roleGrants = z
  .array(z.strictObject({ organizationId: z.uuid(), role: z.enum(ROLES) }))
  .min(1)
  .max(50);

export const createUserBody = z.strictObject({
  username: safeText().min(3).max(64),
  displayName: safeText().max(100).default(''),
  /** Left out, the server generates a temporary password and answers it once. */
  password: safeText().min(1).max(256).optional(),
  roles: roleGrants,
});

export const setRolesBody = z.strictObject({ roles: roleGrants });

export const rolesSetResponse = z.object({
  userId: z.string(),
  roles: z.array(z.object({ organizationId: z.string(), role: z.enum(ROLES) })),
});

export const createdUserResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.object({ organizationId: z.string(), role: z.enum(ROLES) })),
  /** Only when the request left the password out; redacted from logs like the reset's. */
  temporaryPassword: z.string().optional(),
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
