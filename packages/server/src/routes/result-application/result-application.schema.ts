import { appealPeriodDaysSchema, RESULT_DECISIONS, resultApplicationRulesSchema, safeText } from '@jixiao/core';
import { z } from 'zod';

const year = z.coerce.number().int().min(2000, '年度应在 2000 至 2100 之间').max(2100, '年度应在 2000 至 2100 之间');

export const resultApplicationQuery = z.strictObject({ year: year.optional() });

export const resultApplicationTableQuery = z.strictObject({ year });

export const policyParams = z.strictObject({ year });

export const policyBody = z.strictObject({
  rules: resultApplicationRulesSchema,
  appealPeriodDays: appealPeriodDaysSchema,
});

export const decisionParams = z.strictObject({ evaluationId: z.uuid('自评编号格式不正确') });

export const decisionBody = z.strictObject({
  decision: z.enum(RESULT_DECISIONS, { message: '决定应用方式应为 保持、增加、压减、取消、其他 之一' }),
  adjustmentPercent: z.number({ message: '调整比例应为数字' }).nullable().optional(),
  reason: safeText().max(500, '理由不能超过 500 字').optional(),
});

export const resultApplicationSummaryResponse = z.object({
  fiscalYear: z.number().int(),
  evaluated: z.number().int(),
  decided: z.number().int(),
  pending: z.number().int(),
  byDecision: z.array(z.object({ decision: z.enum(RESULT_DECISIONS), label: z.string(), count: z.number().int() })),
  departures: z.number().int(),
  netAdjustmentWan: z.number(),
  withoutBudget: z.number().int(),
});
