import { describe, expect, it } from 'vitest';
import { generateForm } from '../../testing/generate-form.ts';
import { type EvaluationForm, emptyIndicator, type IndicatorRow } from '../model/form.ts';
import { findRuleSet } from '../rules/rule-sets.ts';
import { evaluate } from '../score/evaluate.ts';
import { type AnalysedEvaluation, analyseRisks, type RiskSignalCode } from './cross-year.ts';

const rules = findRuleSet('national-2020');

const row = (name: string, target: string, actual: string): IndicatorRow =>
  emptyIndicator({
    level1: 'output',
    level1Label: '产出指标',
    level2: 'quantity',
    level2Label: '数量指标',
    name,
    target,
    actual,
    weight: '10',
    statedScore: '10',
  });

/** A generated form whose first indicator is replaced by `first`, for one unit and one year. */
const evaluation = (
  id: string,
  year: number,
  first: IndicatorRow,
  change: Partial<EvaluationForm> = {},
): AnalysedEvaluation => {
  const base = generateForm(7);
  const form: EvaluationForm = {
    ...base,
    projectName: '老旧小区改造',
    projectCode: '',
    fiscalYear: year,
    indicators: [first, ...base.indicators.slice(1)],
    ...change,
  };
  if (!rules) throw new Error('national-2020 missing');
  return {
    id,
    organizationId: 'unit-1',
    organizationName: '某单位',
    fiscalYear: year,
    form,
    result: evaluate(form, rules),
  };
};

/** The signals about one evaluation; with `indicator`, only those naming that indicator. */
const codesFor = (signals: ReturnType<typeof analyseRisks>, id: string, indicator = ''): RiskSignalCode[] =>
  signals
    .filter((signal) => signal.evaluationId === id && signal.message.includes(indicator))
    .map((signal) => signal.code);

describe('analyseRisks', () => {
  it('flags a target set below last year’s actual, naming both numbers', () => {
    const signals = analyseRisks([
      evaluation('a', 2022, row('改造小区数量（个）', '≥20', '26')),
      evaluation('b', 2023, row('改造小区数量（个）', '≥18', '19')),
    ]);
    const sandbagging = signals.find((signal) => signal.code === 'TARGET_SANDBAGGING');
    expect(sandbagging).toMatchObject({ evaluationId: 'b', evidence: ['a', 'b'] });
    expect(sandbagging?.message).toContain('年度指标值 18个低于上年实际完成值 26个');
  });

  it('reads a 反向 (≤) target the other way: above last year’s actual is the easy target', () => {
    const signals = analyseRisks([
      evaluation('a', 2022, row('投诉件数（件）', '≤10', '4')),
      evaluation('b', 2023, row('投诉件数（件）', '≤8', '3')),
    ]);
    expect(codesFor(signals, 'b', '投诉件数')).toContain('TARGET_SANDBAGGING');
    const fair = analyseRisks([
      evaluation('a', 2022, row('投诉件数（件）', '≤10', '4')),
      evaluation('b', 2023, row('投诉件数（件）', '≤3', '3')),
    ]);
    expect(codesFor(fair, 'b', '投诉件数')).not.toContain('TARGET_SANDBAGGING');
  });

  it('flags 30% over-achievement only when it happens two years running', () => {
    const twice = analyseRisks([
      evaluation('a', 2022, row('培训人次（人次）', '100', '140')),
      evaluation('b', 2023, row('培训人次（人次）', '140', '190')),
    ]);
    expect(codesFor(twice, 'b', '培训人次')).toContain('CHRONIC_OVER_ACHIEVEMENT');
    const once = analyseRisks([
      evaluation('a', 2022, row('培训人次（人次）', '100', '140')),
      evaluation('b', 2023, row('培训人次（人次）', '140', '150')),
    ]);
    expect(codesFor(once, 'b', '培训人次')).not.toContain('CHRONIC_OVER_ACHIEVEMENT');
  });

  it('compares only the same project of the same unit in consecutive years', () => {
    const other = evaluation('b', 2023, row('改造小区数量（个）', '≥18', '19'));
    const gap = analyseRisks([evaluation('a', 2021, row('改造小区数量（个）', '≥20', '26')), other]);
    expect(codesFor(gap, 'b', '改造小区')).not.toContain('TARGET_SANDBAGGING');
    const otherUnit = analyseRisks([
      evaluation('a', 2022, row('改造小区数量（个）', '≥20', '26')),
      { ...other, organizationId: 'unit-2' },
    ]);
    expect(codesFor(otherUnit, 'b', '改造小区')).not.toContain('TARGET_SANDBAGGING');
  });

  it('flags a high score on low execution, all-qualitative outcomes and findings that recur', () => {
    const low = { initialBudget: '100', adjustedBudget: '100', executed: '50' };
    const a = evaluation('a', 2022, row('改造小区数量（个）', '20', '20'));
    const lowFunds = { ...a.form.funds, total: low };
    const first = evaluation('a', 2022, row('改造小区数量（个）', '20', '20'), {
      funds: lowFunds,
      statedTotal: { weight: '100', score: '99' },
    });
    const second = evaluation('b', 2023, row('改造小区数量（个）', '20', '20'), {
      funds: lowFunds,
      statedTotal: { weight: '100', score: '99' },
    });
    const signals = analyseRisks([first, second]);
    const recurring = signals.find((signal) => signal.code === 'RECURRING_FINDING');
    expect(recurring?.message).toContain('TOTAL_MISMATCH');
    expect(second.result.execution.rate).toBe(50);
    // The score as the engine gave it, then as a unit that claimed every point would have it.
    const high = { ...second, result: { ...second.result, totalScore: 95 } };
    const lowScore = { ...second, result: { ...second.result, totalScore: 85 } };
    expect(codesFor(analyseRisks([high]), 'b')).toContain('HIGH_SCORE_LOW_EXECUTION');
    expect(codesFor(analyseRisks([lowScore]), 'b')).not.toContain('HIGH_SCORE_LOW_EXECUTION');
    const base = evaluation('q', 2023, row('改造小区数量（个）', '20', '20'));
    const allWords = base.form.indicators.map((item) =>
      item.level1 === 'outcome' ? { ...item, target: '有效保障', actual: '有效保障' } : item,
    );
    const qualitative = evaluation('q', 2023, row('改造小区数量（个）', '20', '20'), { indicators: allWords });
    expect(codesFor(analyseRisks([qualitative]), 'q')).toContain('QUALITATIVE_OUTCOMES');
    expect(codesFor(analyseRisks([base]), 'q')).not.toContain('QUALITATIVE_OUTCOMES');
  });
});
