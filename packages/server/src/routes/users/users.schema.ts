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
