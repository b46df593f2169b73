import { z } from 'zod';
import { AppError } from '../errors.ts';
import { GRADE_LABELS, GRADES, type Grade } from '../model/result.ts';
import { safeText } from '../model/safe-text.ts';

/**
 * 结果应用 (激励约束): what each grade of a year's evaluations means for the project's next budget, as the finance
 * bureau sets it, and the check of a decided arrangement against it. Pure; the services store the rules as JSON
 * in result_application_policies.rules and the decisions in result_applications.
 */
export const RESULT_DECISIONS = ['keep', 'increase', 'cut', 'cancel', 'other'] as const;
export type ResultDecision = (typeof RESULT_DECISIONS)[number];

export const RESULT_DECISION_LABELS: Record<ResultDecision, string> = {
  keep: '保持',
  increase: '增加',
  cut: '压减',
  cancel: '取消',
  other: '其他',
};

/** What a policy may suggest: every decision but 其他, which is always a departure to be explained. */
export const SUGGESTIBLE_DECISIONS = ['keep', 'increase', 'cut', 'cancel'] as const;
export type SuggestibleDecision = (typeof SUGGESTIBLE_DECISIONS)[number];

/** Decisions that carry an adjustment percentage (of the project's budget). */
export const PERCENT_DECISIONS: readonly ResultDecision[] = ['increase', 'cut'];

export const DEFAULT_APPEAL_PERIOD_DAYS = 15;

const percentBound = z
  .number({ message: '比例应为数字' })
  .min(0, '比例不能为负数')
  .max(100, '比例不能超过 100%')
  .nullable();

export const gradeRuleSchema = z
  .strictObject({
    decisions: z
      .array(z.enum(SUGGESTIBLE_DECISIONS, { message: '应用方式应为 保持、增加、压减、取消 之一' }))
      .min(1, '每个等级至少选择一种应用方式')
      .refine((decisions) => new Set(decisions).size === decisions.length, '应用方式不能重复'),
    /** 增加 at most this percent of the budget; null: no bound. */
    increaseMaxPercent: percentBound,
    /** 压减 at least this percent; null: no lower bound. */
    cutMinPercent: percentBound,
    /** 压减 at most this percent; null: no upper bound. */
    cutMaxPercent: percentBound,
    /** The bureau's own words beside the arrangement (优先保障, 纳入重点监控…). */
    note: safeText().max(200, '说明不能超过 200 字'),
  })
  .superRefine((rule, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (rule.increaseMaxPercent !== null && !rule.decisions.includes('increase'))
      issue('increaseMaxPercent', '未选择“增加”时不应设置增加上限');
    if ((rule.cutMinPercent !== null || rule.cutMaxPercent !== null) && !rule.decisions.includes('cut'))
      issue('cutMinPercent', '未选择“压减”时不应设置压减比例');
    if (rule.cutMinPercent !== null && rule.cutMaxPercent !== null && rule.cutMinPercent > rule.cutMaxPercent)
      issue('cutMaxPercent', '压减上限不能小于压减下限');
  });
export type GradeRule = z.infer<typeof gradeRuleSchema>;

export const resultApplicationRulesSchema = z.strictObject({
  excellent: gradeRuleSchema,
  good: gradeRuleSchema,
  fair: gradeRuleSchema,
  poor: gradeRuleSchema,
}) satisfies z.ZodType<Record<Grade, GradeRule>>;
export type ResultApplicationRules = z.infer<typeof resultApplicationRulesSchema>;

export const appealPeriodDaysSchema = z
  .number({ message: '申诉期限应为天数' })
  .int('申诉期限应为整天数')
  .min(1, '申诉期限至少 1 天')
  .max(365, '申诉期限不能超过 365 天');

export const resultApplicationPolicySchema = z.strictObject({
  rules: resultApplicationRulesSchema,
  appealPeriodDays: appealPeriodDaysSchema,
});
export type ResultApplicationPolicy = z.infer<typeof resultApplicationPolicySchema>;

/**
 * The policy in force when the bureau has set none for a year: the common 激励约束 wording (优 保持或适当增加,
 * 良 保持, 中 压减不超过 20%, 差 压减不少于 30% 或取消) and the 15-day 申诉 period.
 */
export const DEFAULT_RESULT_APPLICATION_POLICY: ResultApplicationPolicy = {
  rules: {
    excellent: {
      decisions: ['keep', 'increase'],
      increaseMaxPercent: 10,
      cutMinPercent: null,
      cutMaxPercent: null,
      note: '优先保障',
    },
    good: { decisions: ['keep'], increaseMaxPercent: null, cutMinPercent: null, cutMaxPercent: null, note: '' },
    fair: { decisions: ['cut'], increaseMaxPercent: null, cutMinPercent: null, cutMaxPercent: 20, note: '' },
    poor: {
      decisions: ['cut', 'cancel'],
      increaseMaxPercent: null,
      cutMinPercent: 30,
      cutMaxPercent: null,
      note: '',
    },
  },
  appealPeriodDays: DEFAULT_APPEAL_PERIOD_DAYS,
};

/** Stored rules read back: anything that no longer passes the schema is a server fault, not the caller's. */
export const readResultApplicationRules = (stored: unknown): ResultApplicationRules => {
  const parsed = resultApplicationRulesSchema.safeParse(stored);
  if (!parsed.success) throw new AppError('INTERNAL', '已保存的结果应用政策无法读取');
  return parsed.data;
};

export type ResultSuggestion = {
  grade: Grade;
  gradeLabel: string;
  decisions: SuggestibleDecision[];
  increaseMaxPercent: number | null;
  cutMinPercent: number | null;
  cutMaxPercent: number | null;
  /** The arrangement in words, as the 结果应用表 prints it: 压减不少于 30% 或取消. */
  text: string;
};

const decisionWords = (decision: SuggestibleDecision, rule: GradeRule): string => {
  switch (decision) {
    case 'keep':
      return '保持';
    case 'cancel':
      return '取消';
    case 'increase':
      return rule.increaseMaxPercent === null ? '增加' : `增加不超过 ${rule.increaseMaxPercent}%`;
    case 'cut': {
      const { cutMinPercent: min, cutMaxPercent: max } = rule;
      if (min !== null && max !== null) return `压减 ${min}%～${max}%`;
      if (min !== null) return `压减不少于 ${min}%`;
      if (max !== null) return `压减不超过 ${max}%`;
      return '压减';
    }
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown decision ${String(unreachable)}`);
    }
  }
};

/** What the policy suggests for a grade: the arrangement in words and the percentage bounds a decision is held to. */
export const suggestion = (grade: Grade, rules: ResultApplicationRules): ResultSuggestion => {
  const rule = rules[grade];
  const words = rule.decisions.map((decision) => decisionWords(decision, rule)).join('或');
  return {
    grade,
    gradeLabel: GRADE_LABELS[grade],
    decisions: [...rule.decisions],
    increaseMaxPercent: rule.increaseMaxPercent,
    cutMinPercent: rule.cutMinPercent,
    cutMaxPercent: rule.cutMaxPercent,
    text: rule.note.trim() === '' ? words : `${words}（${rule.note.trim()}）`,
  };
};

/** One line per grade, for the head of the 结果应用表 and the page: 优：保持或增加不超过 10%（优先保障）. */
export const policySummaryLines = (rules: ResultApplicationRules): string[] =>
  GRADES.map((grade) => `${GRADE_LABELS[grade]}：${suggestion(grade, rules).text}`);

/**
 * A decision checked against the suggestion. Impossible input is refused (a percentage on 保持 / 取消 / 其他, none
 * on 增加 / 压减, a cut above 100%); a decision the policy does not suggest, or a percentage outside its bounds, is
 * allowed but is a departure, listed in words, and the services then require a reason.
 */
export const checkResultDecision = (
  advice: ResultSuggestion,
  decision: ResultDecision,
  adjustmentPercent: number | null,
): { departures: string[] } => {
  const label = RESULT_DECISION_LABELS[decision];
  const takesPercent = PERCENT_DECISIONS.includes(decision);
  if (takesPercent && (adjustmentPercent === null || !(adjustmentPercent > 0)))
    throw new AppError('VALIDATION_FAILED', `“${label}”须填写大于 0 的调整比例`);
  if (!takesPercent && adjustmentPercent !== null) throw new AppError('VALIDATION_FAILED', `“${label}”不填写调整比例`);
  if (adjustmentPercent !== null && adjustmentPercent > 100)
    throw new AppError('VALIDATION_FAILED', '调整比例不能超过 100%');
  // Stored as numeric(6, 2): a third decimal would be rounded away without a word.
  if (adjustmentPercent !== null && Number(adjustmentPercent.toFixed(2)) !== adjustmentPercent)
    throw new AppError('VALIDATION_FAILED', '调整比例最多保留两位小数');
  const suggested = advice.decisions.map((item) => RESULT_DECISION_LABELS[item]).join('或');
  if (!advice.decisions.some((item) => item === decision))
    return { departures: [`决定“${label}”不在“${advice.gradeLabel}”等级建议的应用方式（${suggested}）之内`] };
  const departures: string[] = [];
  if (decision === 'increase' && adjustmentPercent !== null) {
    if (advice.increaseMaxPercent !== null && adjustmentPercent > advice.increaseMaxPercent)
      departures.push(`增加 ${adjustmentPercent}% 超过政策上限 ${advice.increaseMaxPercent}%`);
  }
  if (decision === 'cut' && adjustmentPercent !== null) {
    if (advice.cutMinPercent !== null && adjustmentPercent < advice.cutMinPercent)
      departures.push(`压减 ${adjustmentPercent}% 低于政策下限 ${advice.cutMinPercent}%`);
    if (advice.cutMaxPercent !== null && adjustmentPercent > advice.cutMaxPercent)
      departures.push(`压减 ${adjustmentPercent}% 超过政策上限 ${advice.cutMaxPercent}%`);
  }
  return { departures };
};

/** The adjustment as a signed share of the budget: +10 for 增加 10%, −20 for 压减 20%, −100 for 取消, 0 otherwise. */
export const signedAdjustmentPercent = (decision: ResultDecision, adjustmentPercent: number | null): number => {
  switch (decision) {
    case 'increase':
      return adjustmentPercent ?? 0;
    case 'cut':
      return -(adjustmentPercent ?? 0);
    case 'cancel':
      return -100;
    case 'keep':
    case 'other':
      return 0;
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown decision ${String(unreachable)}`);
    }
  }
};

export const isResultDecision = (value: string): value is ResultDecision =>
  RESULT_DECISIONS.some((decision) => decision === value);
