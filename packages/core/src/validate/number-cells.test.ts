import { describe, expect, it } from 'vitest';
import { emptyForm, emptyIndicator } from '../model/form.ts';
import { requireRuleSet } from '../rules/rule-sets.ts';
import { readFen } from '../score/cells.ts';
import { evaluate } from '../score/evaluate.ts';
import { dec } from '../util/decimal.ts';
import {
  checkMoneyCell,
  checkNumberCells,
  checkPointsCell,
  checkRateCell,
  describeNumberCellProblems,
  type NumberCellCheck,
  numberCellProblems,
} from './number-cells.ts';

/** A check as plain data: the value as a string, so tables compare simply. */
const plain = (check: NumberCellCheck) =>
  check.state === 'value'
    ? { state: 'value', value: check.value.toFixed(), note: check.note }
    : check.state === 'invalid'
      ? { state: 'invalid', message: check.message }
      : { state: 'blank' };

describe('checkMoneyCell: what the editor and the engine read from a fund amount', () => {
  it.each([
    ['', '万元', { state: 'blank' }],
    ['—', '万元', { state: 'blank' }],
    ['27.75', '万元', { state: 'value', value: '27.75', note: null }],
    ['　２７．７５', '万元', { state: 'value', value: '27.75', note: null }],
    ['1,234.5', '元', { state: 'value', value: '1234.5', note: null }],
    ['27.75万', '万元', { state: 'value', value: '27.75', note: '识别为 27.75 万元' }],
    ['27.75万元', '万元', { state: 'value', value: '27.75', note: '识别为 27.75 万元' }],
    ['380000元', '万元', { state: 'value', value: '38', note: '识别为 380000元，合 38 万元' }],
    ['27.75万', '元', { state: 'value', value: '277500', note: '识别为 27.75万，合 277500 元' }],
    ['0.03亿元', '万元', { state: 'value', value: '300', note: '识别为 0.03亿元，合 300 万元' }],
    ['5千元', '元', { state: 'value', value: '5000', note: '识别为 5千元，合 5000 元' }],
    ['1200元', '元', { state: 'value', value: '1200', note: '识别为 1200 元' }],
    ['abc', '万元', { state: 'invalid', message: '请填写数字，如 27.75（单位：万元）' }],
    ['二十七', '元', { state: 'invalid', message: '请填写数字，如 27.75（单位：元）' }],
    ['-27', '万元', { state: 'invalid', message: '金额不能为负数' }],
    ['－27.5万元', '万元', { state: 'invalid', message: '金额不能为负数' }],
    ['27分', '万元', { state: 'invalid', message: '金额不能以“分”为单位，请填写数字（单位：万元）' }],
  ] as const)('%j in a %s table → %j', (raw, unit, expected) => {
    expect(plain(checkMoneyCell(raw, unit))).toEqual(expected);
  });

  it('accepts exactly what the engine reads as an amount, at the same value', () => {
    for (const raw of ['27.75', '27.75万', '380000元', '0.03亿元', '1,200', '¥1,000']) {
      const check = checkMoneyCell(raw, '万元');
      expect(check.state).toBe('value');
      if (check.state === 'value') expect(Number(check.value.times(1_000_000).toFixed(0))).toBe(readFen(raw, '万元'));
    }
    for (const raw of ['abc', '-27', '27.75万万']) {
      expect(checkMoneyCell(raw, '万元').state).toBe('invalid');
      expect(readFen(raw, '万元')).toBeNull();
    }
  });
});

describe('checkPointsCell: 分值 and 得分', () => {
  const ten = { value: dec(10), label: '分值' };
  it.each([
    ['10', 'weight', null, { state: 'value', value: '10', note: null }],
    ['5分', 'weight', null, { state: 'value', value: '5', note: null }],
    ['', 'weight', null, { state: 'blank' }],
    ['-5', 'weight', null, { state: 'invalid', message: '分值不能为负数' }],
    ['abc', 'weight', null, { state: 'invalid', message: '请填写数字，如 10（单位：分）' }],
    ['5万元', 'weight', null, { state: 'invalid', message: '分值应为分数，不能带“万元”' }],
    ['120', 'weight', { value: dec(100), label: '总分' }, { state: 'invalid', message: '分值不能超过总分 100' }],
    ['8', 'score', ten, { state: 'value', value: '8', note: null }],
    ['10', 'score', ten, { state: 'value', value: '10', note: null }],
    ['10.5', 'score', ten, { state: 'invalid', message: '得分不能超过分值 10' }],
    ['200%', 'score', ten, { state: 'invalid', message: '得分请填写分数（如 8），不能填百分比' }],
    ['-1', 'score', ten, { state: 'invalid', message: '得分不能为负数' }],
    ['八分', 'score', ten, { state: 'invalid', message: '请填写数字，如 8（单位：分）' }],
  ] as const)('%j as %s (max %j) → %j', (raw, kind, max, expected) => {
    expect(plain(checkPointsCell(raw, kind, max))).toEqual(expected);
  });
});

describe('checkRateCell: the stated 执行率', () => {
  it.each([
    ['73.03%', { state: 'value', value: '73.03', note: null }],
    ['0.7303', { state: 'value', value: '0.7303', note: null }],
    ['', { state: 'blank' }],
    ['abc', { state: 'invalid', message: '请填写百分比，如 73.03%' }],
    ['-5%', { state: 'invalid', message: '执行率不能为负数' }],
    ['%', { state: 'invalid', message: '请填写百分比，如 73.03%' }],
  ] as const)('%j → %j', (raw, expected) => expect(plain(checkRateCell(raw))).toEqual(expected));
});

const seedLike = () => {
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
      name: '工程质量合格率',
      target: '100%',
      actual: '100%',
      weight: '10',
      statedScore: '9',
    }),
  ];
  form.statedTotal = { weight: '30', score: '26.3' };
  return form;
};

describe('numberCellProblems over a form', () => {
  it('finds nothing wrong in a form whose numbers all read', () => {
    expect(numberCellProblems(seedLike())).toEqual([]);
    expect(numberCellProblems(emptyForm())).toEqual([]);
  });

  it('names each wrong cell by row and column, in form order', () => {
    const form = seedLike();
    form.funds.total.executed = 'abc';
    form.funds.currentAppropriation.initialBudget = '-27';
    form.indicators[1] = {
      ...(form.indicators[1] as (typeof form.indicators)[number]),
      weight: '-5',
      statedScore: '200%',
    };
    form.indicators[0] = { ...(form.indicators[0] as (typeof form.indicators)[number]), statedScore: '12' };
    const problems = numberCellProblems(form);
    expect(problems.map(({ where, label, message }) => ({ where, label, message }))).toEqual([
      {
        where: 'funds.total.executed',
        label: '项目资金·年度资金总额·全年执行数',
        message: '请填写数字，如 27.75（单位：万元）',
      },
      {
        where: 'funds.currentAppropriation.initialBudget',
        label: '项目资金·当年财政拨款·年初预算数',
        message: '金额不能为负数',
      },
      {
        where: 'indicators[0].statedScore',
        label: '绩效指标第 1 行（征收户数）·自评得分',
        message: '得分不能超过分值 10',
      },
      { where: 'indicators[1].weight', label: '绩效指标第 2 行（工程质量合格率）·分值', message: '分值不能为负数' },
      {
        where: 'indicators[1].statedScore',
        label: '绩效指标第 2 行（工程质量合格率）·自评得分',
        message: '得分请填写分数（如 8），不能填百分比',
      },
    ]);
    expect(describeNumberCellProblems(problems, 2)).toBe(
      '项目资金·年度资金总额·全年执行数“abc”：请填写数字，如 27.75（单位：万元）；项目资金·当年财政拨款·年初预算数“-27”：金额不能为负数；等共 5 处',
    );
  });

  it('checks the fund row score against its weight, the rule set’s when the 分值 is blank, and the 总分 row', () => {
    const form = seedLike();
    form.funds.executionWeight = '';
    form.funds.statedExecutionScore = '12';
    form.statedTotal = { weight: '', score: '101' };
    const checks = checkNumberCells(form, { totalPoints: 100, executionWeight: 10 });
    expect(checks.get('funds.statedExecutionScore')).toEqual({ state: 'invalid', message: '得分不能超过分值 10' });
    expect(checks.get('statedTotal.score')).toEqual({ state: 'invalid', message: '得分不能超过总分分值 100' });
  });

  it('accepts "27.75万" in a 万元 table, and the engine scores it as 27.75', () => {
    const form = seedLike();
    form.funds.total.executed = '27.75万';
    expect(numberCellProblems(form)).toEqual([]);
    const result = evaluate(form, requireRuleSet('national-2020'));
    expect(result.execution).toMatchObject({ basis: 'computed', rate: 73.03, points: 7.3 });
  });
});
