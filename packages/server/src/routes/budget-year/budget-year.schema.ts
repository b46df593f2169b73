import { z } from 'zod';

export const evaluationFromDeclarationBody = z.strictObject({
  declarationId: z.uuid(),
  ruleSetId: z.string().max(100).optional(),
});
