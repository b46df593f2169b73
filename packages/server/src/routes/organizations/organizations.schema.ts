import { safeText } from '@jixiao/core';
import { z } from 'zod';

export const createOrganizationBody = z.strictObject({
  name: safeText().min(1).max(200),
  kind: z.enum(['department', 'budget_unit']),
  parentId: z.uuid(),
  code: safeText().max(64).optional(),
});

export const renameOrganizationBody = z.strictObject({ name: safeText().min(1).max(200) });

export const stopOrganizationBody = z.strictObject({ reason: safeText().min(1).max(500) });
