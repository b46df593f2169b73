import { generateForm } from '@jixiao/core/testing';
import { describe, expect, it } from 'vitest';
import { formPlaceLabel } from './form-places.ts';

describe('formPlaceLabel', () => {
  it.each([
    ['indicators[3].target', '绩效指标第 4 行·年度指标值'],
    ['indicators[0].statedScore', '绩效指标第 1 行·自评得分'],
    ['indicators[12]', '绩效指标第 13 行'],
    ['funds.total.executed', '项目资金·年度资金总额·全年执行数'],
    ['funds.priorYearCarryover.initialBudget', '项目资金·上年结转资金·年初预算数'],
    ['funds.total', '项目资金·年度资金总额'],
    ['funds.adjustedBudget', '项目资金·全年预算数'],
    ['funds.statedExecutionRate', '项目资金·执行率（填报）'],
    ['funds', '项目资金'],
    ['statedTotal.score', '总分与等级·自评总分'],
    ['statedGrade', '总分与等级·评价等级'],
    ['narrative.section7', '自评报告第 7 部分'],
    ['rectification.0b9f3c1e-5a1d-4c1e-9d7a-2f4b6c8d0e12', '以前年度整改事项'],
    ['projectName', '项目名称'],
    ['implementingUnit', '实施单位'],
    ['totalScore', '总分（复核）'],
    ['annualGoal.expected', '年度总体目标·预期目标'],
    ['declaredLevel1Weights.outcome', '绩效指标·效益指标分值'],
    ['declaredLevel1Weights.toString', 'declaredLevel1Weights.toString'],
    ['funds.executionWeight', '项目资金·预算执行分值'],
    ['表格止于第3行“满意度”', '表格止于第3行“满意度”'],
    ['indicators[2].nonsense', 'indicators[2].nonsense'],
    ['funds.total.nonsense', 'funds.total.nonsense'],
    ['somewhere.else', 'somewhere.else'],
    ['toString', 'toString'],
  ])('%s → %s', (where, label) => {
    expect(formPlaceLabel(where)).toBe(label);
  });

  it('names the indicator of the row when it has the form, shortened past twenty characters', () => {
    const form = generateForm(3);
    const row = form.indicators[0];
    if (!row) throw new Error('no indicator');
    const named = { ...form, indicators: [{ ...row, name: '征收项目按期完成率达到年度计划要求的百分比指标' }] };
    expect(formPlaceLabel('indicators[0].actual', named)).toBe(
      '绩效指标第 1 行（征收项目按期完成率达到年度计划要求的百分…）·实际完成值',
    );
  });
});
