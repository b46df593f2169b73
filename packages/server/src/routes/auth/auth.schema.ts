import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

const role = z.object({ organizationId: z.string(), role: z.string() });

export const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  csrfToken: z.string(),
});
