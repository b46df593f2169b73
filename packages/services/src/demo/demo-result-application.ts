import { DEFAULT_RESULT_APPLICATION_POLICY, suggestion } from '@jixiao/core';
import type { Actor, ServiceContext } from '../context.ts';
import { getResultApplicationYear } from '../result-application/get-result-application-year.ts';
import { recordResultApplication } from '../result-application/record-result-application.ts';
import { setResultApplicationPolicy } from '../result-application/set-result-application-policy.ts';

/**
 * The bureau's 结果应用 of the seed's year: a policy (the common wording, 中 cut by 5–20%) and the decision for
 * the seed's published evaluation, following the suggestion for its grade, so the 结果应用 page, its Excel table
 * and the dashboard card show something.
 */
export const loadDemoResultApplication = async (
  ctx: ServiceContext,
  { evaluationId, fiscalYear }: { evaluationId: string; fiscalYear: number },
  bureau: Actor,
): Promise<void> => {
  const rules = {
    ...DEFAULT_RESULT_APPLICATION_POLICY.rules,
    fair: { decisions: ['cut' as const], increaseMaxPercent: null, cutMinPercent: 5, cutMaxPercent: 20, note: '' },
    poor: { ...DEFAULT_RESULT_APPLICATION_POLICY.rules.poor, note: '纳入重点监控' },
  };
  await setResultApplicationPolicy(ctx, bureau, { fiscalYear, rules, appealPeriodDays: 15 });
  const year = await getResultApplicationYear(ctx, bureau, { fiscalYear });
  const grade = year.rows.find((row) => row.evaluationId === evaluationId)?.grade;
  if (!grade) return;
  const advice = suggestion(grade, rules);
  const decision = advice.decisions[0] ?? 'keep';
  const adjustmentPercent =
    decision === 'cut' ? (advice.cutMinPercent ?? advice.cutMaxPercent ?? 10) : decision === 'increase' ? 5 : null;
  await recordResultApplication(ctx, bureau, {
    evaluationId,
    decision,
    adjustmentPercent,
    reason: `评价等级为“${advice.gradeLabel}”，按本年度结果应用政策安排下一年度预算。`,
  });
};
