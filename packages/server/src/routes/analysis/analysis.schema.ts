import { EVALUATION_STATUSES, GRADES } from '@jixiao/core';
import { z } from 'zod';
import { resultApplicationSummaryResponse } from '../result-application/result-application.schema.ts';

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

export const dashboardQuery = risksQuery;

const counted = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, count: z.number().int() });

export const dashboardResponse = z.object({
  fiscalYear: z.number().int().nullable(),
  years: z.array(z.number().int()),
  evaluations: z.number().int(),
  results: z.number().int(),
  byStatus: z.array(counted({ status: z.enum(EVALUATION_STATUSES) })),
  grades: z.array(counted({ grade: z.enum(GRADES), label: z.string() })),
  points: z.array(
    z.object({
      id: z.string(),
      projectName: z.string(),
      organizationName: z.string(),
      executionRate: z.number(),
      totalScore: z.number(),
    }),
  ),
  lowExecution: z.number().int(),
  findings: z.object({
    total: z.number().int(),
    errors: z.number().int(),
    byCode: z.array(
      counted({ code: z.string(), title: z.string(), errors: z.number().int(), evaluations: z.number().int() }),
    ),
    byDepartment: z.array(counted({ departmentId: z.string().nullable(), department: z.string() })),
  }),
  scoreByYear: z.array(z.object({ fiscalYear: z.number().int(), scored: z.number().int(), averageScore: z.number() })),
  resultApplication: resultApplicationSummaryResponse.nullable(),
  /** 整改 items of the visible units today: not closed, past their deadline, awaiting the closing decision. */
  rectifications: z.object({ open: z.number().int(), overdue: z.number().int(), submitted: z.number().int() }),
});
