import { describe, expect, it } from 'vitest';
import { assessRisk, RISK_SCALE_TEXT, rankByRisk, riskLevelOf } from './review-risk.ts';

describe('assessRisk', () => {
  it('gives a clean, well-spent, modestly scored evaluation no risk', () => {
    expect(assessRisk({ findings: [], executionRate: 98, totalScore: 85 })).toEqual({ score: 0, reasons: [] });
  });

  it('weighs errors above warnings and ignores information', () => {
    const risk = assessRisk({
      findings: [
        { code: 'TOTAL_MISMATCH', severity: 'error' },
        { code: 'SCORE_NOT_PER_RULE', severity: 'warning' },
        { code: 'TYPO_SUSPECT', severity: 'info' },
      ],
      executionRate: 95,
      totalScore: 80,
    });
    expect(risk).toEqual({ score: 13, reasons: ['1 项错误', '1 项警告'] });
  });

  it.each([
    [59.99, 80, 20],
    [60, 80, 10],
    [79.99, 80, 10],
    [80, 95, 0],
    [70, 90, 25],
    [50, 97.3, 35],
    [null, 95, 10],
  ])('execution %s%% with score %s adds %i', (executionRate, totalScore, expected) => {
    expect(assessRisk({ findings: [], executionRate, totalScore }).score).toBe(expected);
  });

  it('names a high score on low execution and over-achievement', () => {
    const risk = assessRisk({
      findings: [
        { code: 'OVER_ACHIEVEMENT', severity: 'warning' },
        { code: 'OVER_ACHIEVEMENT', severity: 'warning' },
      ],
      executionRate: 73.03,
      totalScore: 97.3,
    });
    expect(risk.reasons).toEqual([
      '2 项警告',
      '执行率偏低（73.03%）',
      '自评高分（97.3）而执行率低',
      '2 项超额完成幅度过大',
    ]);
    expect(risk.score).toBe(6 + 10 + 15 + 10);
  });
});

describe('rankByRisk', () => {
  it('puts the highest risk first and keeps arrival order among equals', () => {
    const items = [
      { id: 'a', risk: { score: 5, reasons: [] } },
      { id: 'b', risk: { score: 30, reasons: [] } },
      { id: 'c', risk: { score: 5, reasons: [] } },
      { id: 'd', risk: { score: 0, reasons: [] } },
    ];
    expect(rankByRisk(items).map((item) => item.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('riskLevelOf', () => {
  it.each([
    [0, 'low'],
    [9, 'low'],
    [10, 'medium'],
    [29, 'medium'],
    [30, 'high'],
    [120, 'high'],
  ] as const)('puts %i in the %s band', (score, level) => {
    expect(riskLevelOf(score)).toBe(level);
  });
});

describe('RISK_SCALE_TEXT', () => {
  it('states the points assessRisk adds', () => {
    const oneError = assessRisk({ findings: [{ code: 'X', severity: 'error' }], executionRate: 95, totalScore: 80 });
    const veryLow = assessRisk({ findings: [], executionRate: 50, totalScore: 80 });
    const text = RISK_SCALE_TEXT.join('');
    expect(text).toContain(`每项错误 ${oneError.score} 分`);
    expect(text).toContain(`低于 60% 加 ${veryLow.score} 分`);
    expect(text).toContain('合计 30 分及以上为高风险，10–29 分为中风险');
  });
});
