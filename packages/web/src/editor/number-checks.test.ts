import { type EvaluationForm, emptyForm, emptyIndicator, evaluate, requireRuleSet } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { editorNumberChecks, submitBlockedLines } from './number-checks.ts';

const ruleSet = requireRuleSet('national-2020');

/** The seed's figures: 38 万元 budget, 27.75 spent (7.30 / 10), two output rows. */
const seedLike = (): EvaluationForm => {
  const form = emptyForm();
  form.funds.total = { initialBudget: '38', adjustedBudget: '38', executed: '27.75' };
  form.funds.executionWeight = '10';
  form.funds.statedExecutionScore = '7.3';
  form.indicators = [
    emptyIndicator({
      level1: 'output',
      name: '征收户数',
      target: '≥100户',
      actual: '120户',
      weight: '10',
      statedScore: '10',
    }),
    emptyIndicator({
      level1: 'output',
      name: '宣传活动',
      target: '有效开展',
      actual: '有效开展',
      weight: '10',
      statedScore: '9',
    }),
  ];
  return form;
};

const checksOf = (form: EvaluationForm) => editorNumberChecks(form, ruleSet, evaluate(form, ruleSet));

const edit = (patch: (form: EvaluationForm) => void): EvaluationForm => {
  const form = structuredClone(seedLike());
  patch(form);
  return form;
};

describe('editorNumberChecks: which live figures rest on a wrong cell', () => {
  it('trusts every figure of a form whose numbers read', () => {
    const checks = checksOf(seedLike());
    expect(checks.problems).toEqual([]);
    expect(checks.invalid).toEqual({ execution: null, rows: new Map(), checkTotal: null, total: null });
  });

  it.each([
    [
      '全年执行数 abc',
      (form: EvaluationForm) => {
        form.funds.total.executed = 'abc';
      },
      'funds.total.executed',
      '请填写数字，如 27.75（单位：万元）',
      { execution: true, rows: [], checkTotal: true, total: true },
    ],
    [
      '全年执行数 -27',
      (form: EvaluationForm) => {
        form.funds.total.executed = '-27';
      },
      'funds.total.executed',
      '金额不能为负数',
      { execution: true, rows: [], checkTotal: true, total: true },
    ],
    [
      '分值 -5',
      (form: EvaluationForm) => {
        (form.indicators[1] as EvaluationForm['indicators'][number]).weight = '-5';
      },
      'indicators[1].weight',
      '分值不能为负数',
      { execution: false, rows: [1], checkTotal: false, total: true },
    ],
    [
      '得分 200%',
      (form: EvaluationForm) => {
        (form.indicators[0] as EvaluationForm['indicators'][number]).statedScore = '200%';
      },
      'indicators[0].statedScore',
      '得分请填写分数（如 8），不能填百分比',
      { execution: false, rows: [0], checkTotal: true, total: true },
    ],
    [
      '得分 12 over a weight of 10',
      (form: EvaluationForm) => {
        (form.indicators[0] as EvaluationForm['indicators'][number]).statedScore = '12';
      },
      'indicators[0].statedScore',
      '得分不能超过分值 10',
      { execution: false, rows: [0], checkTotal: true, total: true },
    ],
    [
      'a computed execution score does not rest on its stated 得分',
      (form: EvaluationForm) => {
        form.funds.statedExecutionScore = 'abc';
      },
      'funds.statedExecutionScore',
      '请填写数字，如 8（单位：分）',
      { execution: false, rows: [], checkTotal: false, total: false },
    ],
  ])('%s', (_name, patch, where, message, expected) => {
    const checks = checksOf(edit(patch));
    expect(checks.errorAt(where)).toBe(message);
    expect(checks.problems.map((problem) => problem.where)).toEqual([where]);
    expect({
      execution: checks.invalid.execution !== null,
      rows: [...checks.invalid.rows.keys()],
      checkTotal: checks.invalid.checkTotal !== null,
      total: checks.invalid.total !== null,
    }).toEqual(expected);
  });

  it('names the wrong cells in the reason and in the 送审 refusal', () => {
    const form = edit((draft) => {
      draft.funds.total.executed = 'abc';
      (draft.indicators[1] as EvaluationForm['indicators'][number]).weight = '-5';
    });
    const checks = checksOf(form);
    expect(checks.invalid.execution).toBe('年度资金总额·全年执行数填写有误');
    expect(checks.invalid.total).toBe('年度资金总额·全年执行数、绩效指标第 2 行（宣传活动）·分值填写有误');
    const third = edit((draft) => {
      draft.funds.total.executed = 'abc';
      draft.funds.total.adjustedBudget = '-1';
      (draft.indicators[1] as EvaluationForm['indicators'][number]).weight = '-5';
    });
    expect(checksOf(third).invalid.total).toBe('3 处数字填写有误');
    expect(submitBlockedLines(checks.problems)).toEqual([
      '项目资金·年度资金总额·全年执行数“abc”：请填写数字，如 27.75（单位：万元）',
      '绩效指标第 2 行（宣传活动）·分值“-5”：分值不能为负数',
    ]);
  });

  it('says how "27.75万" was read and keeps the score', () => {
    const form = edit((draft) => {
      draft.funds.total.executed = '27.75万';
    });
    const checks = checksOf(form);
    expect(checks.problems).toEqual([]);
    expect(checks.noteAt('funds.total.executed')).toBe('识别为 27.75 万元');
    expect(checks.noteAt('funds.total.adjustedBudget')).toBeNull();
    expect(evaluate(form, ruleSet).execution.points).toBe(7.3);
  });
});
