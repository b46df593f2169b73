import { evaluate, type FindingCode } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readFixtureForm } from './helpers.ts';

const audit = async (path: string) => {
  const { form } = await readFixtureForm(path);
  const result = evaluate(form);
  return { form, result, codes: result.findings.map((finding) => finding.code) as FindingCode[] };
};

describe('the engine on reports from other templates', () => {
  it('scores a 反向 row given in a 指标性质 column', async () => {
    const { form, result, codes } = await audit('markdown/comparator-column.md');
    const index = form.indicators.findIndex((row) => row.name.startsWith('市容环境投诉'));
    expect(result.indicators[index]).toMatchObject({ direction: 'lte', directionSource: 'column', points: 12.75 });
    expect(result.indicators[index]?.explanation.rule).toBe('QUANT-NEG-1');
    expect(result.execution).toMatchObject({ budgetBasis: 'adjusted', rate: 95.88, points: 9.59 });
    expect(result.totalScore).toBe(97.34);
    expect(codes).toEqual([]);
  });

  it('finds weights that do not add up', async () => {
    const { result, codes } = await audit('markdown/weights-not-100.md');
    expect(codes.filter((code) => code === 'WEIGHTS_NOT_100')).toHaveLength(2);
    expect(codes).toContain('LEVEL_WEIGHT_MISMATCH');
    const level = result.findings.find((finding) => finding.code === 'LEVEL_WEIGHT_MISMATCH');
    expect(level?.message).toContain('效益指标标注 30 分');
    expect(level?.message).toContain('25.00');
  });

  it('finds a met target scored below its weight', async () => {
    const { result, codes } = await audit('markdown/met-target-below-weight.md');
    expect(codes).toContain('MET_TARGET_SCORED_BELOW_WEIGHT');
    expect(codes).not.toContain('SHORTFALL_WITHOUT_NOTE');
    expect(result.indicators[0]).toMatchObject({ points: 20, statedScore: 18 });
    expect(result.totalScore).toBe(99.9);
    expect(result.checkTotal).toBe(97.9);
  });

  it('reads units from their own column and a fraction against a percentage', async () => {
    const { result, codes } = await audit('markdown/unit-column.md');
    expect(result.indicators[2]).toMatchObject({ points: 10, basis: 'computed' });
    expect(result.indicators[2]?.explanation.text).toContain('按比例读作 68%');
    expect(result.indicators[3]).toMatchObject({ points: 5, basis: 'computed' });
    expect(codes).toContain('LOW_EXECUTION');
    expect(codes).not.toContain('LOW_EXECUTION_UNEXPLAINED');
    expect(codes).not.toContain('SCORE_NOT_PER_RULE');
  });

  it('finds a wrong execution score and the total it inflated', async () => {
    const { result, codes } = await audit('text/wrong-exec-score.txt');
    expect(result.execution).toMatchObject({ rate: 85.5, points: 8.55 });
    expect(codes).toEqual(expect.arrayContaining(['EXEC_SCORE_MISMATCH', 'TOTAL_MISMATCH', 'LOW_EXECUTION']));
    expect(codes).not.toContain('EXEC_RATE_MISMATCH');
    const total = result.findings.find((finding) => finding.code === 'TOTAL_MISMATCH');
    expect(total?.message).toContain('被按满分 10.00 计入');
  });
});
