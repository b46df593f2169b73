import { safeText } from '@jixiao/core';
import { z } from 'zod';

export const createOrganizationBody = z.strictObject({
  name: safeText().min(1).max(200),
  kind: z.enum(['department', 'budget_unit']),
  parentId: z.uuid(),
  code: safeText().max(64).optional(),
});
