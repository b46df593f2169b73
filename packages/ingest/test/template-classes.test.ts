/**
 * Reader classes seen in published reports (issue 13), on fixtures made by fixtures/make/make-template-classes.ts:
 * a Word form with a two-row indicator header, an Excel form in traditional characters with (A)/(B) fund columns
 * and thousands separators. Each asserts what a correct reader must produce, through the engine where the figures
 * are what matters. The seed pasted as TSV and as markdown is compared with the seed text, with every other
 * format, in packages/reports/test/seed-every-format.test.ts.
 */
import { evaluate, findRuleSet, summarizeEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFixtureForm } from './helpers.ts';

const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

const summaryOf = async (path: string) => {
  const { form } = await readFixtureForm(path);
  return { form, summary: summarizeEvaluation(form, evaluate(form, ruleSet)) };
};

describe('a Word form whose indicator header takes two rows', () => {
  it('reads 指标性质 / 指标值 / 度量单位 under the merged 指标值 as comparator, target and unit', async () => {
    const { form, summary } = await summaryOf('docx/two-row-header.docx');
    expect(
      form.indicators.map((row) => [row.level1, row.level2, row.name, row.comparator, row.target, row.measureUnit]),
    ).toEqual([
      ['output', 'quantity', '关爱服务覆盖留守儿童人数', '≥', '1500', '人'],
      ['output', 'quality', '服务对象信息建档率', '＝', '100', '%'],
      ['output', 'timeliness', '补助资金发放及时率', '≥', '95', '%'],
      ['output', 'cost', '人均年补助标准', '≤', '800', '元'],
      ['outcome', 'social', '留守儿童安全事故发生率', '≤', '1', '%'],
      ['outcome', 'sustainability', '关爱服务长效机制', '定性', '健全', ''],
      ['satisfaction', 'serviceSatisfaction', '留守儿童及监护人满意度', '≥', '90', '%'],
    ]);
    expect(form.indicators.map((row) => [row.actual, row.weight, row.statedScore])).toEqual([
      ['1562', '15', '15'],
      ['100', '10', '10'],
      ['98', '10', '10'],
      ['760', '15', '15'],
      ['0.5', '15', '15'],
      ['基本健全', '15', '12'],
      ['93', '10', '10'],
    ]);
    expect(form.indicators[5]?.deviationNote).toBe('两个乡镇服务台账不全，下一步按季度督查');
    expect(form.funds.total).toEqual({ initialBudget: '120', adjustedBudget: '120', executed: '114' });
    expect(form.statedTotal).toEqual({ weight: '100', score: '96.5' });
    expect(summary).toMatchObject({ executionRate: 95, executionScore: 9.5, statedTotal: 96.5, recomputedTotal: 96.5 });
    // The ≤ rows met their targets (a lower actual is better): scored in full, not as shortfalls.
    expect(
      summary.indicators.filter((row) => row.name !== '关爱服务长效机制').every((row) => row.score === row.weight),
    ).toBe(true);
    const codes = summary.findings.map((finding) => finding.code);
    for (const code of ['WEIGHTS_NOT_100', 'TOTAL_MISMATCH', 'TARGET_MISSING', 'UNIT_MISMATCH', 'PLACEHOLDER_ROWS']) {
      expect(codes).not.toContain(code);
    }
  });
});

describe('an Excel form in traditional characters', () => {
  it('reads the budget from 全年预算数(A), the spending from 全年执行数(B), amounts with thousands separators', async () => {
    const { form, summary } = await summaryOf('xlsx/traditional-chars.xlsx');
    expect(summary).toMatchObject({
      projectName: '社區老年人助餐服務補貼',
      department: '廈門市思明區民政局',
      funds: { initialBudget: 1_200_000, adjustedBudget: 1_250_000, executed: 1_187_500, unit: '元' },
      executionRate: 95,
      executionScore: 9.5,
      statedTotal: 99.5,
      recomputedTotal: 99.5,
    });
    expect(form.indicators.map((row) => [row.level1, row.level2, row.name, row.target, row.actual])).toEqual([
      ['output', 'quantity', '助餐服務人次', '≥36,000人次', '38,420人次'],
      ['output', 'quality', '餐食抽檢合格率', '100%', '100%'],
      ['output', 'timeliness', '補貼按月撥付及時率', '≥95%', '100%'],
      ['output', 'cost', '每餐補貼標準', '≤5元', '5元'],
      ['outcome', 'social', '老年人就餐便利程度', '明顯提升', '明顯提升'],
      ['satisfaction', 'serviceSatisfaction', '就餐老人滿意度', '≥90%', '94%'],
    ]);
    expect(summary.indicators.map((row) => row.score)).toEqual([20, 10, 10, 10, 30, 10]);
    const codes = summary.findings.map((finding) => finding.code);
    for (const code of ['WEIGHTS_NOT_100', 'TOTAL_MISMATCH', 'EXEC_RATE_MISMATCH', 'EXEC_SCORE_MISMATCH']) {
      expect(codes).not.toContain(code);
    }
  });
});
