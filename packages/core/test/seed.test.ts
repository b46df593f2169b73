import { describe, expect, it } from 'vitest';
import { evaluate, type FindingCode, summarizeEvaluation } from '../src/index.ts';
import { seedForm } from './seed-form.ts';

const codes = (findings: readonly { code: FindingCode }[]): FindingCode[] => findings.map((finding) => finding.code);

describe('the seed report under national-2020 (rules.md §9)', () => {
  const result = evaluate(seedForm(), 'national-2020');
  const summary = summarizeEvaluation(seedForm(), result);

  it('computes execution from the 年初预算数 fallback', () => {
    expect(result.execution.budgetBasis).toBe('initial');
    expect(result.execution.rate).toBe(73.03);
    expect(result.execution.points).toBe(7.3);
    expect(result.execution.explanation.rule).toBe('EXEC-3');
  });

  it('re-adds, rescores and grades', () => {
    expect(summary.statedTotal).toBe(100);
    expect(summary.recomputedTotal).toBe(97.3);
    expect(summary.totalScore).toBe(97.3);
    expect(summary.grade).toBe('优');
    expect(result.provisional).toBe(true);
  });

  it('scores every row as the worked example does', () => {
    const byName = new Map(result.indicators.map((item) => [seedForm().indicators[item.index]?.name, item]));
    expect(byName.get('组织征收工作人员业务培训（场次/人数）')).toMatchObject({ points: 5, basis: 'computed' });
    expect(byName.get('组织征收工作人员业务培训（场次/人数）')?.explanation.rule).toBe('QUANT-COMPOUND-1');
    expect(byName.get('提供法律意见/相关文书及合同审查修改/诉讼案件办理（次/次/件）')).toMatchObject({
      points: 5,
      basis: 'stated',
      blocker: { code: 'TARGET_MISSING' },
    });
    expect(byName.get('征收工作经费（万元）')).toMatchObject({
      points: 5,
      direction: 'lte',
      directionSource: 'inferred',
    });
    expect(byName.get('征收工作经费（万元）')?.explanation.rule).toBe('QUANT-NEG-1');
    expect(byName.get('确保征收项目稳步推进，征收工作正常开展')).toMatchObject({
      points: 30,
      tier: 'achieved',
      qualitative: true,
    });
    expect(byName.get('被摸底调查对象满意度')).toMatchObject({ points: 10 });
    expect(result.indicators.filter((item) => item.placeholder)).toHaveLength(9);
    for (const item of result.indicators) {
      expect(item.explanation.ruleSet).toBe('national-2020@1.0.0');
      expect(item.explanation.text.length).toBeGreaterThan(0);
    }
  });

  it('raises the findings findings.md lists for the seed', () => {
    expect(codes(result.findings)).toEqual(
      expect.arrayContaining([
        'TOTAL_MISMATCH',
        'TARGET_MISSING',
        'LOW_EXECUTION',
        'ADJUSTED_BUDGET_BLANK',
        'IMPLEMENTING_UNIT_BLANK',
        'PLACEHOLDER_ROWS',
        'STAFF_OVER_ESTABLISHMENT',
        'QUALITATIVE_ONLY_OUTCOME',
        'TYPO_SUSPECT',
      ]),
    );
  });

  it('raises none of the findings that must not fire', () => {
    for (const code of [
      'SCORE_ABOVE_WEIGHT',
      'WEIGHTS_NOT_100',
      'LEVEL_WEIGHT_MISMATCH',
      'EXEC_SCORE_MISMATCH',
      'EXEC_RATE_MISMATCH',
      'NARRATIVE_TABLE_MISMATCH',
      'OVER_ACHIEVEMENT',
      'COST_INDICATOR_MISSING',
      'LOW_EXECUTION_UNEXPLAINED',
      'SCORE_NOT_PER_RULE',
      'MET_TARGET_SCORED_BELOW_WEIGHT',
      'SHORTFALL_WITHOUT_NOTE',
      'UNPARSEABLE_VALUE',
      'EXECUTION_CAP_APPLIED',
    ] as const) {
      expect(codes(result.findings), code).not.toContain(code);
    }
  });

  it('says what each finding is about', () => {
    const find = (code: FindingCode) => result.findings.filter((finding) => finding.code === code);
    expect(find('TOTAL_MISMATCH')[0]?.message).toContain('2.70');
    expect(find('TOTAL_MISMATCH')[0]?.message).toContain('预算执行得分 7.30 被按满分 10.00 计入');
    expect(find('TARGET_MISSING')[0]).toMatchObject({ where: 'indicators[3].target' });
    expect(find('TARGET_MISSING')[0]?.message).toContain('80/92/8');
    const low = find('LOW_EXECUTION')[0]?.message ?? '';
    expect(low).toContain('73.03%');
    expect(low).toContain('另有10万元2022年年末已申请支付但未支付');
    expect(low).toContain('未提及');
    expect(find('STAFF_OVER_ESTABLISHMENT')[0]?.message).toMatch(/11.*10/);
    const typos = find('TYPO_SUSPECT').map((finding) => finding.message);
    expect(typos).toHaveLength(2);
    expect(typos.some((message) => message.includes('法顾顾问') && message.includes('法律顾问'))).toBe(true);
    expect(typos.some((message) => message.includes('政府性基础预算') && message.includes('政府性基金预算'))).toBe(
      true,
    );
    const placeholder = find('PLACEHOLDER_ROWS')[0]?.message ?? '';
    expect(placeholder).toContain('9 行');
  });

  it('orders findings errors first', () => {
    const order = result.findings.map((finding) => finding.severity);
    expect(order).toEqual(
      [...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
  });
});

describe('the seed report under yitihua-2022 (execution caps)', () => {
  const result = evaluate(seedForm(), 'yitihua-2022');

  it('caps the total at 89 for a 73.03% execution rate and says why', () => {
    expect(result.totalScore).toBe(89);
    expect(result.grade).toBe('good');
    expect(result.cap).toMatchObject({ rate: 73.03, maxTotal: 89, before: 97.3 });
    const cap = result.findings.find((finding) => finding.code === 'EXECUTION_CAP_APPLIED');
    expect(cap?.message).toContain('73.03%');
    expect(cap?.message).toContain('89');
    expect(cap?.message).toContain('97.30');
  });

  it('still re-adds the stated scores for TOTAL_MISMATCH', () => {
    expect(result.checkTotal).toBe(97.3);
  });
});
