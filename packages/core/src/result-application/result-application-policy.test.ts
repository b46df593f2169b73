import { describe, expect, it } from 'vitest';
import type { Grade } from '../model/result.ts';
import {
  checkResultDecision,
  DEFAULT_RESULT_APPLICATION_POLICY,
  type GradeRule,
  policySummaryLines,
  type ResultApplicationRules,
  type ResultDecision,
  resultApplicationPolicySchema,
  resultApplicationRulesSchema,
  signedAdjustmentPercent,
  suggestion,
} from './result-application-policy.ts';

const rule = (overrides: Partial<GradeRule>): GradeRule => ({
  decisions: ['keep'],
  increaseMaxPercent: null,
  cutMinPercent: null,
  cutMaxPercent: null,
  note: '',
  ...overrides,
});

const DEFAULT_RULES = DEFAULT_RESULT_APPLICATION_POLICY.rules;

describe('result application policy schema', () => {
  it('accepts the default policy', () => {
    expect(resultApplicationPolicySchema.parse(DEFAULT_RESULT_APPLICATION_POLICY)).toEqual(
      DEFAULT_RESULT_APPLICATION_POLICY,
    );
    expect(DEFAULT_RESULT_APPLICATION_POLICY.appealPeriodDays).toBe(15);
  });

  it.each<[string, Partial<GradeRule>, string]>([
    ['no decision', { decisions: [] }, '至少选择一种'],
    ['a repeated decision', { decisions: ['keep', 'keep'] }, '不能重复'],
    ['其他 as a suggestion', { decisions: ['other' as 'keep'] }, '应用方式应为'],
    ['an increase bound without 增加', { increaseMaxPercent: 10 }, '未选择“增加”'],
    ['a cut bound without 压减', { cutMaxPercent: 10 }, '未选择“压减”'],
    ['min above max', { decisions: ['cut'], cutMinPercent: 40, cutMaxPercent: 20 }, '上限不能小于压减下限'],
    ['a negative bound', { decisions: ['cut'], cutMinPercent: -1 }, '不能为负数'],
    ['a bound over 100%', { decisions: ['increase'], increaseMaxPercent: 150 }, '不能超过 100%'],
    ['NUL in the note', { note: '优先\u0000保障' }, '不允许的字符'],
    ['a note of 201 characters', { note: '字'.repeat(201) }, '200 字'],
  ])('refuses %s', (_, overrides, message) => {
    const parsed = resultApplicationRulesSchema.safeParse({ ...DEFAULT_RULES, good: rule(overrides) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join('；')).toContain(message);
  });

  it.each([0, 366, 1.5])('refuses an appeal period of %s days', (appealPeriodDays) => {
    expect(
      resultApplicationPolicySchema.safeParse({ ...DEFAULT_RESULT_APPLICATION_POLICY, appealPeriodDays }).success,
    ).toBe(false);
  });

  it('refuses a missing grade and unknown keys', () => {
    const { poor: _poor, ...withoutPoor } = DEFAULT_RULES;
    expect(resultApplicationRulesSchema.safeParse(withoutPoor).success).toBe(false);
    expect(resultApplicationRulesSchema.safeParse({ ...DEFAULT_RULES, extra: rule({}) }).success).toBe(false);
  });
});

describe('suggestion per grade', () => {
  it.each<[Grade, string, string[], [number | null, number | null, number | null]]>([
    ['excellent', '保持或增加不超过 10%（优先保障）', ['keep', 'increase'], [10, null, null]],
    ['good', '保持', ['keep'], [null, null, null]],
    ['fair', '压减不超过 20%', ['cut'], [null, null, 20]],
    ['poor', '压减不少于 30%或取消', ['cut', 'cancel'], [null, 30, null]],
  ])('default %s: %s', (grade, text, decisions, [increaseMax, cutMin, cutMax]) => {
    expect(suggestion(grade, DEFAULT_RULES)).toMatchObject({
      grade,
      text,
      decisions,
      increaseMaxPercent: increaseMax,
      cutMinPercent: cutMin,
      cutMaxPercent: cutMax,
    });
  });

  it.each<[Partial<GradeRule>, string]>([
    [{ decisions: ['cut'], cutMinPercent: 10, cutMaxPercent: 30 }, '压减 10%～30%'],
    [{ decisions: ['cut'] }, '压减'],
    [{ decisions: ['increase'] }, '增加'],
    [{ decisions: ['cancel'], note: '  纳入重点监控 ' }, '取消（纳入重点监控）'],
  ])('words a rule %j as %s', (overrides, text) => {
    expect(suggestion('good', { ...DEFAULT_RULES, good: rule(overrides) }).text).toBe(text);
  });

  it('summarises the policy one line per grade, best first', () => {
    expect(policySummaryLines(DEFAULT_RULES)).toEqual([
      '优：保持或增加不超过 10%（优先保障）',
      '良：保持',
      '中：压减不超过 20%',
      '差：压减不少于 30%或取消',
    ]);
  });
});

describe('a decision against the suggestion', () => {
  const rules: ResultApplicationRules = {
    ...DEFAULT_RULES,
    fair: rule({ decisions: ['cut'], cutMinPercent: 5, cutMaxPercent: 20 }),
  };

  it.each<[Grade, ResultDecision, number | null, string[]]>([
    ['excellent', 'keep', null, []],
    ['excellent', 'increase', 10, []],
    ['excellent', 'increase', 15, ['增加 15% 超过政策上限 10%']],
    ['excellent', 'cut', 10, ['决定“压减”不在“优”等级建议的应用方式（保持或增加）之内']],
    ['good', 'keep', null, []],
    ['good', 'other', null, ['决定“其他”不在“良”等级建议的应用方式（保持）之内']],
    ['fair', 'cut', 5, []],
    ['fair', 'cut', 20, []],
    ['fair', 'cut', 4.5, ['压减 4.5% 低于政策下限 5%']],
    ['fair', 'cut', 25, ['压减 25% 超过政策上限 20%']],
    ['poor', 'cut', 30, []],
    ['poor', 'cut', 100, []],
    ['poor', 'cut', 30.25, []],
    ['poor', 'cut', 29, ['压减 29% 低于政策下限 30%']],
    ['poor', 'cancel', null, []],
    ['poor', 'keep', null, ['决定“保持”不在“差”等级建议的应用方式（压减或取消）之内']],
  ])('%s, %s %s%%', (grade, decision, percent, departures) => {
    expect(checkResultDecision(suggestion(grade, rules), decision, percent).departures).toEqual(departures);
  });

  it.each<[ResultDecision, number | null, string]>([
    ['cut', null, '须填写大于 0 的调整比例'],
    ['increase', 0, '须填写大于 0 的调整比例'],
    ['keep', 5, '不填写调整比例'],
    ['cancel', 100, '不填写调整比例'],
    ['cut', 101, '不能超过 100%'],
    ['cut', 12.345, '最多保留两位小数'],
  ])('refuses %s with %s', (decision, percent, message) => {
    expect(() => checkResultDecision(suggestion('poor', rules), decision, percent)).toThrow(message);
  });
});

describe('signed adjustment', () => {
  it.each<[ResultDecision, number | null, number]>([
    ['increase', 10, 10],
    ['cut', 20, -20],
    ['cancel', null, -100],
    ['keep', null, 0],
    ['other', null, 0],
  ])('%s %s → %s', (decision, percent, signed) => {
    expect(signedAdjustmentPercent(decision, percent)).toBe(signed);
  });
});
