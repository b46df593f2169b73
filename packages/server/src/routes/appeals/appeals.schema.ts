import { safeText } from '@jixiao/core';
import { z } from 'zod';
import { uploadedFile } from '../evidence/evidence.schema.ts';

export const fileAppealBody = z.strictObject({
  reasons: safeText().max(5000),
  files: z.array(uploadedFile).max(10).default([]),
});

export const appealListQuery = z.strictObject({
  status: z.enum(['pending', 'upheld', 'amended']).optional(),
});

export const ruleAppealBody = z.strictObject({
  outcome: z.enum(['upheld', 'amended']),
  reason: safeText().max(5000),
  amendedScore: z.number().min(0).max(100).optional(),
  withdrawnFindings: z.array(safeText().min(1).max(64)).max(100).optional(),
});
