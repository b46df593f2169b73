import { describe, expect, it } from 'vitest';
import type { PublishedEvaluation } from '../api/types.ts';
import { totalsCheck } from './totals-check.ts';

type Row = PublishedEvaluation['indicators'][number];

const row = (statedScore: number | null): Row => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '指标',
  target: '1',
  actual: '1',
  weight: 10,
  statedScore,
  score: statedScore ?? 0,
  basis: 'computed',
  rule: 'QUANT-POS-1',
  ruleName: '正向定量指标计分',
  explanation: '',
});

const report = (statedTotal: number | null, totalScore: number, executionScore: number | null, scores: number[]) => ({
  statedTotal,
  totalScore,
  executionScore,
  indicators: scores.map(row),
});

describe('totalsCheck', () => {
  it('the seed: a stated 100 against rows adding up to 97.30, the recomputed total', () => {
    expect(totalsCheck(report(100, 97.3, 7.3, [40, 30, 20]))).toEqual({
      rowSum: 97.3,
      differsFromRecomputed: true,
      differsFromRowSum: true,
      explanation: '填报总分 100.00，各项得分合计 97.30（含预算执行 7.30 分），复核总分 97.30',
    });
  });

  it('marks a stated total that adds up but is not the recomputed one', () => {
    expect(totalsCheck(report(95, 90, 10, [45, 40]))).toMatchObject({
      differsFromRecomputed: true,
      differsFromRowSum: false,
      explanation: '填报总分 95.00，各项得分合计 95.00（含预算执行 10.00 分），复核总分 90.00',
    });
  });

  it('marks a stated total that is the recomputed one but not the sum of the rows', () => {
    expect(totalsCheck(report(90, 90, null, [45, 40]))).toMatchObject({
      differsFromRecomputed: false,
      differsFromRowSum: true,
      explanation: '填报总分 90.00，各项得分合计 85.00，复核总分 90.00',
    });
  });

  it('says nothing when all three agree, in hundredths (0.1 + 0.2 is 0.3)', () => {
    expect(totalsCheck(report(0.3, 0.3, 0, [0.1, 0.2]))).toEqual({
      rowSum: 0.3,
      differsFromRecomputed: false,
      differsFromRowSum: false,
      explanation: null,
    });
  });

  it('marks nothing when no total was stated; a row without a score adds nothing', () => {
    expect(totalsCheck({ ...report(null, 50, 10, [20]), indicators: [row(20), row(null)] })).toEqual({
      rowSum: 30,
      differsFromRecomputed: false,
      differsFromRowSum: false,
      explanation: null,
    });
  });
});
