import { z } from 'zod';

export const risksQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const risksResponse = z.object({
  signals: z.array(
    z.object({
      code: z.enum([
        'TARGET_SANDBAGGING',
        'CHRONIC_OVER_ACHIEVEMENT',
        'HIGH_SCORE_LOW_EXECUTION',
        'QUALITATIVE_OUTCOMES',
        'RECURRING_FINDING',
      ]),
      evaluationId: z.string(),
      evidence: z.array(z.string()),
      message: z.string(),
    }),
  ),
});
