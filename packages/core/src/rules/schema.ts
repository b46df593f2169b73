import { z } from 'zod';

const share = z.number().min(0).max(1);

const gradeBand = z.object({ min: z.number().min(0), grade: z.enum(['excellent', 'good', 'fair', 'poor']) });

const executionCap = z.object({ from: share, below: z.number().min(0).max(10), maxTotal: z.number().min(0) });

/** Every parameter of rules.md §10; a rule set is data, validated by this schema. */
export const ruleSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    status: z.enum(['active', 'draft']),
    name: z.string().min(1),
    formType: z.literal('project'),
    totalPoints: z.number().positive(),
    executionWeight: z.number().min(0),
    level1Weights: z.object({ output: z.number().min(0), outcome: z.number().min(0), satisfaction: z.number().min(0) }),
    satisfactionIsLevel1: z.boolean(),
    budgetFallback: z.enum(['initial', 'none']),
    tolerance: z.object({ score: z.number().min(0), ratePoints: z.number().min(0) }),
    equalMode: z.enum(['atLeast', 'symmetric']),
    compoundAggregate: z.enum(['min', 'mean']),
    overAchievement: z.object({ threshold: z.number().positive(), deduction: z.number().min(0) }),
    qualitative: z.object({
      bands: z.object({
        achieved: z.tuple([share, share]),
        partial: z.tuple([share, share]),
        notAchieved: z.tuple([share, share]),
      }),
      defaultShare: z.object({ achieved: share, partial: share, notAchieved: share }),
      achieved: z.array(z.string().min(1)),
      partial: z.array(z.string().min(1)),
      notAchieved: z.array(z.string().min(1)),
    }),
    executionCaps: z.array(executionCap),
    gradeBands: z.array(gradeBand).min(1),
    lowExecution: z.object({ threshold: share, causeWords: z.array(z.string().min(1)) }),
    /**
     * 运行监控 (issue 18): execution more than `behindTolerance` (a share of the budget, 0.08 = 8 percentage
     * points) below the share of the year gone by is EXECUTION_BEHIND_SCHEDULE. Optional so that rule sets
     * published before monitoring existed stay valid; absent, DEFAULT_BEHIND_TOLERANCE (0.08) applies.
     */
    monitoring: z.object({ behindTolerance: share }).strict().optional(),
  })
  .strict();

export type RuleSet = z.infer<typeof ruleSetSchema>;

/** A rule set as published: either complete, or extending a parent whose keys it overrides one by one. */
export type RuleSetDocument = Partial<Omit<RuleSet, 'id' | 'version'>> & {
  id: string;
  version: string;
  extends?: string;
};

export const ruleSetRef = (ruleSet: Pick<RuleSet, 'id' | 'version'>): string => `${ruleSet.id}@${ruleSet.version}`;
