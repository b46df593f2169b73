import { z } from 'zod';

export const createOrganizationBody = z.strictObject({
  name: z.string().min(1).max(200),
  kind: z.enum(['department', 'budget_unit']),
  parentId: z.uuid(),
  code: z.string().max(64).optional(),
});
