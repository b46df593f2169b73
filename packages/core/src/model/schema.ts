import { z } from 'zod';
import { type EvaluationForm, FORM_KINDS, LEVEL1_KEYS, LEVEL2_KEYS } from './form.ts';
import { safeText } from './safe-text.ts';

/** Cells are free text but bounded: a form is filled by people, not pasted megabytes. */
const cell = safeText().max(2000);
const longText = safeText().max(20000);

const fundCells = z.object({ initialBudget: cell, adjustedBudget: cell, executed: cell }).strict();

export const indicatorRowSchema = z
  .object({
    level1: z.enum(LEVEL1_KEYS).nullable(),
    level1Label: cell,
    level2: z.enum(LEVEL2_KEYS).nullable(),
    level2Label: cell,
    name: cell,
    target: cell,
    actual: cell,
    weight: cell,
    statedScore: cell,
    deviationNote: longText,
    comparator: cell,
    measureUnit: cell,
  })
  .strict();

/** The project's own JSON format (formVersion 1); also the API's body for drafts. */
export const evaluationFormSchema = z
  .object({
    formVersion: z.literal(1),
    formType: z.literal('project'),
    // Forms stored or exported before these fields existed were all read or filled as complete self-evaluations.
    formKind: z.enum(FORM_KINDS).default('self-evaluation'),
    complete: z.boolean().default(true),
    fiscalYear: z.number().int().min(2000).max(2100).nullable(),
    projectName: cell,
    projectCode: cell,
    department: cell,
    implementingUnit: cell,
    funds: z
      .object({
        unit: z.enum(['万元', '元']),
        total: fundCells,
        currentAppropriation: fundCells,
        priorYearCarryover: fundCells,
        other: fundCells,
        executionWeight: cell,
        statedExecutionRate: cell,
        statedExecutionScore: cell,
      })
      .strict(),
    annualGoal: z.object({ expected: longText, actual: longText }).strict(),
    declaredLevel1Weights: z.object({ output: cell, outcome: cell, satisfaction: cell }).strict(),
    indicators: z.array(indicatorRowSchema).max(500),
    statedTotal: z.object({ weight: cell, score: cell }).strict(),
    statedGrade: cell,
    narrative: z
      .object({
        title: cell,
        sections: z
          .array(
            z.object({ number: z.number().int().min(1).max(50), heading: cell, body: safeText().max(200000) }).strict(),
          )
          .max(50),
      })
      .strict(),
    unitFacts: z
      .object({
        authorizedStaff: z.number().int().min(0).nullable(),
        activeStaff: z.number().int().min(0).nullable(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<EvaluationForm>;
