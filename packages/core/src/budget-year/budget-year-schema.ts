import { z } from 'zod';
import { LEVEL1_KEYS, LEVEL2_KEYS } from '../model/form.ts';
import { safeText } from '../model/safe-text.ts';
import type { DeclarationForm } from './declaration-form.ts';
import { DEVIATION_CAUSES, LIKELIHOODS, type MonitoringReport } from './monitoring-report.ts';

const cell = safeText().max(2000);
const longText = safeText().max(20000);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const declaredIndicatorSchema = z
  .object({
    level1: z.enum(LEVEL1_KEYS).nullable(),
    level1Label: cell,
    level2: z.enum(LEVEL2_KEYS).nullable(),
    level2Label: cell,
    name: cell,
    comparator: cell,
    target: cell,
    measureUnit: cell,
    weight: cell,
  })
  .strict();

/** The declaration's own JSON format (declarationVersion 1); also the API's body for drafts. */
export const declarationFormSchema = z
  .object({
    declarationVersion: z.literal(1),
    fiscalYear: z.number().int().min(2000).max(2100).nullable(),
    projectName: cell,
    projectCode: cell,
    department: cell,
    implementingUnit: cell,
    projectCategory: cell,
    projectPeriod: cell,
    funds: z
      .object({
        unit: z.enum(['万元', '元']),
        total: cell,
        currentAppropriation: cell,
        priorYearCarryover: cell,
        other: cell,
      })
      .strict(),
    midTermGoal: longText,
    annualGoal: longText,
    indicators: z.array(declaredIndicatorSchema).max(500),
  })
  .strict() satisfies z.ZodType<DeclarationForm>;

const monitoredFundCells = z.object({ budget: cell, executed: cell, expectedAnnual: cell }).strict();

export const monitoringReportSchema = z
  .object({
    monitoringVersion: z.literal(1),
    fiscalYear: z.number().int().min(2000).max(2100).nullable(),
    asOf: z.union([isoDay, z.literal('')]),
    projectName: cell,
    department: cell,
    implementingUnit: cell,
    funds: z
      .object({
        unit: z.enum(['万元', '元']),
        total: monitoredFundCells,
        currentAppropriation: monitoredFundCells,
        priorYearCarryover: monitoredFundCells,
        other: monitoredFundCells,
      })
      .strict(),
    annualGoal: longText,
    goalProgress: longText,
    indicators: z
      .array(
        z
          .object({
            level1Label: cell,
            level2Label: cell,
            name: cell,
            target: cell,
            progress: cell,
            expectedAnnual: cell,
            deviationCauses: z.array(z.enum(DEVIATION_CAUSES)).max(DEVIATION_CAUSES.length),
            deviationReason: longText,
            likelihood: z.enum(LIKELIHOODS).nullable(),
            measures: longText,
          })
          .strict(),
      )
      .max(500),
    measures: longText,
  })
  .strict() satisfies z.ZodType<MonitoringReport>;
