import { safeText } from '@jixiao/core';
import { z } from 'zod';

export const loginBody = z.strictObject({
  username: safeText().min(1).max(64),
  password: safeText().min(1).max(256),
});

const role = z.object({ organizationId: z.string(), role: z.string() });

export const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  csrfToken: z.string(),
  /** Not null: every other API answers PASSWORD_CHANGE_REQUIRED until POST /api/auth/password succeeds. */
  passwordChangeRequired: z.enum(['must_change', 'expired']).nullable(),
});

/** Field names covered by the log redaction (app.ts LOG_REDACT_PATHS). */
export const changePasswordBody = z.strictObject({
  currentPassword: safeText().min(1).max(256),
  newPassword: safeText().min(1).max(256),
});
