import { safeText } from '@jixiao/core';
import { z } from 'zod';

export const evaluationFromDeclarationBody = z.strictObject({
  declarationId: z.uuid(),
  ruleSetId: safeText().max(100).optional(),
});
