import { describe, expect, it } from 'vitest';
import { seedForm } from '../../test/seed-form.ts';
import type { FindingCode } from '../audit/codes.ts';
import { emptyFundCells, type FundCells, type Funds, type MoneyUnit } from '../model/form.ts';
import { summarizeEvaluation } from '../summary.ts';
import { evaluate } from './evaluate.ts';

type Row = [initialBudget: string, adjustedBudget: string, executed: string];

const cells = ([initialBudget, adjustedBudget, executed]: Row): FundCells => ({
  initialBudget,
  adjustedBudget,
  executed,
});

type FundCase = {
  unit?: MoneyUnit;
  total: Row;
  current?: Row;
  carryover?: Row;
  weight: string;
  statedRate?: string;
  statedScore?: string;
};

const fundsOf = (spec: FundCase): Funds => ({
  unit: spec.unit ?? '万元',
  total: cells(spec.total),
  currentAppropriation: spec.current ? cells(spec.current) : emptyFundCells(),
  priorYearCarryover: spec.carryover ? cells(spec.carryover) : emptyFundCells(),
  other: emptyFundCells(),
  executionWeight: spec.weight,
  statedExecutionRate: spec.statedRate ?? '',
  statedExecutionScore: spec.statedScore ?? '',
});

const run = (spec: FundCase) => {
  const form = { ...seedForm(), funds: fundsOf(spec) };
  const result = evaluate(form);
  return {
    result,
    summary: summarizeEvaluation(form, result),
    codes: new Set<FindingCode>(result.findings.map((item) => item.code)),
  };
};

/** [label, funds, rate, summary score, codes that must be raised, codes that must not] */
const CASES: [string, FundCase, number | null, number | null, FindingCode[], FindingCode[]][] = [
  [
    'executed only in the 其中 row (total 执行数 blank), no 分值 in the fund block',
    { total: ['', '300', ''], current: ['', '300万元', '259.45万元'], weight: '0', statedRate: '86.5%' },
    86.48,
    null,
    ['LOW_EXECUTION'],
    ['BUDGET_MISSING', 'EXEC_SCORE_MISMATCH', 'FUND_SPLIT_MISMATCH', 'ADJUSTED_BUDGET_BLANK'],
  ],
  [
    'the total row printed as template zeros, the money in the 其中 rows',
    {
      total: ['0', '0', '0'],
      current: ['30', '30', '20'],
      carryover: ['8', '8', '7.75'],
      weight: '10',
      statedRate: '0',
      statedScore: '0',
    },
    73.03,
    7.3,
    ['LOW_EXECUTION'],
    ['BUDGET_MISSING', 'EXEC_SCORE_MISMATCH', 'EXEC_RATE_MISMATCH', 'FUND_SPLIT_MISMATCH', 'ADJUSTED_BUDGET_BLANK'],
  ],
  [
    '20-point execution: 2.1548 printed as 2.16 is within tolerance',
    { total: ['', '278.4449', '30.00'], weight: '20', statedRate: '10.77%', statedScore: '2.16' },
    10.77,
    2.15,
    ['NONDEFAULT_WEIGHTS'],
    ['EXEC_SCORE_MISMATCH', 'EXEC_RATE_MISMATCH', 'ADJUSTED_BUDGET_BLANK'],
  ],
  [
    '97.80% printed for 97.8086% is within tolerance; 9 for 9.78 is not',
    { total: ['', '32.4', '31.69'], weight: '10', statedRate: '97.80%', statedScore: '9' },
    97.81,
    9.78,
    ['EXEC_SCORE_MISMATCH'],
    ['EXEC_RATE_MISMATCH', 'ADJUSTED_BUDGET_BLANK', 'LOW_EXECUTION', 'LOW_EXECUTION_UNEXPLAINED'],
  ],
  [
    'a stated score with no 分值 in the fund block is not compared',
    { total: ['38', '38', '27.75'], weight: '0', statedRate: '73.03%', statedScore: '8' },
    73.03,
    null,
    [],
    ['EXEC_SCORE_MISMATCH', 'EXEC_RATE_MISMATCH'],
  ],
  [
    'the total 执行数 really 0 with nothing in the 其中 rows stays 0',
    { total: ['38', '38', '0'], weight: '10', statedRate: '0%', statedScore: '0' },
    0,
    0,
    [],
    ['EXEC_SCORE_MISMATCH', 'EXEC_RATE_MISMATCH', 'BUDGET_MISSING'],
  ],
  ['both budgets blank everywhere', { total: ['', '', '27.75'], weight: '10' }, null, 0, ['BUDGET_MISSING'], []],
];

describe('EXEC-1..3 on fund blocks as real reports fill them', () => {
  it.each(CASES)('%s', (_label, spec, rate, score, raised, absent) => {
    const { result, summary, codes } = run(spec);
    expect(result.execution.rate).toBe(rate);
    expect(summary.executionScore).toBe(score);
    for (const code of raised) expect(codes, code).toContain(code);
    for (const code of absent) expect(codes, code).not.toContain(code);
  });

  it('says in the explanation when the money came from the 其中 rows, and reports the amounts it used', () => {
    const { result, summary } = run(CASES[0]?.[1] ?? { total: ['', '', ''], weight: '' });
    expect(result.execution.explanation.text).toContain('取“其中”各资金来源行之和');
    expect(result.execution.explanation.text).toContain('不计分');
    expect(summary.funds).toEqual({ initialBudget: null, adjustedBudget: 300, executed: 259.45, unit: '万元' });
  });

  it('gives one NONDEFAULT_WEIGHTS for a fund block without 分值, not one per weight', () => {
    const { result } = run({ total: ['38', '38', '27.75'], weight: '0' });
    const nondefault = result.findings.filter((item) => item.code === 'NONDEFAULT_WEIGHTS');
    expect(nondefault).toHaveLength(1);
    expect(nondefault[0]?.message).toContain('资金表未设分值，预算执行不计分');
  });
});

/** [label, unit, budget cell, executed cell]: each must give 75.00%. */
const AMOUNTS: [string, MoneyUnit, string, string][] = [
  ['thousands separators', '万元', '215,457.6', '161,593.2'],
  ['full-width comma and digits', '万元', '１，２００', '９００'],
  ['万元 written in a 万元 block', '万元', '300万元', '225万元'],
  ['万 alone', '万元', '300万', '225万'],
  ['traditional 萬元', '万元', '300萬元', '225 萬元'],
  ['元 amounts in a 万元 block', '万元', '20', '150,000元'],
  ['亿元 in a 万元 block', '万元', '0.03亿元', '225'],
  ['元 in a 元 block', '元', '2,000元', '1,500'],
  ['spaces inside the number', '元', '2 000', '1 500 元'],
  ['a currency sign', '元', '¥2,000', '￥1,500.00'],
];

describe('amounts as real reports print them', () => {
  it.each(AMOUNTS)('%s', (_label, unit, budget, executed) => {
    const { result } = run({ unit, total: ['', budget, executed], weight: '10' });
    expect(result.execution.rate).toBe(75);
    expect(result.execution.points).toBe(7.5);
  });
});
