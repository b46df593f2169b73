import { describe, expect, it } from 'vitest';
import { scoreReconciliation } from './score-reconciliation.ts';

describe('scoreReconciliation', () => {
  it.each([
    [
      { engineTotal: 95.79, checkTotal: 97.3, statedTotal: 97.3 },
      [
        '复核合计（执行得分 + 各指标填报得分）97.30，与填报总分一致。',
        '复核得分 95.79 分按规则重新计算每项指标，比复核合计低 1.51 分，差别见各指标的“复核”。',
      ],
    ],
    [
      { engineTotal: 90, checkTotal: 90, statedTotal: 100 },
      [
        '复核合计（执行得分 + 各指标填报得分）90.00，与填报总分 100.00 不符。',
        '复核得分 90.00 分按规则重新计算每项指标，与复核合计相同。',
      ],
    ],
    [
      { engineTotal: 80.1, checkTotal: 80.05, statedTotal: null },
      [
        '复核合计（执行得分 + 各指标填报得分）80.05，未填报总分。',
        '复核得分 80.10 分按规则重新计算每项指标，比复核合计高 0.05 分，差别见各指标的“复核”。',
      ],
    ],
    [
      { engineTotal: null, checkTotal: null, statedTotal: 97.3 },
      ['复核合计（执行得分 + 各指标填报得分）：—，有得分填写有误。'],
    ],
  ])('%o reads %o', (totals, lines) => {
    expect(scoreReconciliation(totals)).toEqual(lines);
  });
});
