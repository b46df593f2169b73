import { describe, expect, it } from 'vitest';
import { type EvaluationForm, emptyForm, emptyIndicator, type IndicatorRow } from '../model/form.ts';
import { compareBudgetYear, indicatorKey, targetsDiffer, weightsDiffer } from './budget-year-comparison.ts';
import { type DeclarationForm, emptyDeclaration, emptyDeclaredIndicator } from './declaration-form.ts';
import type { MonitoredIndicator, MonitoringReport } from './monitoring-report.ts';
import { evaluationFromDeclaration, monitoringFromDeclaration } from './prefill.ts';

const declaration: DeclarationForm = {
  ...emptyDeclaration(),
  fiscalYear: 2026,
  projectName: '农村道路养护',
  funds: { unit: '万元', total: '100', currentAppropriation: '100', priorYearCarryover: '', other: '' },
  indicators: [
    emptyDeclaredIndicator({ level1: 'output', name: '养护里程', target: '≥300公里', weight: '30' }),
    emptyDeclaredIndicator({ level1: 'output', name: '每公里成本', target: '≤0.4万元', weight: '20' }),
    emptyDeclaredIndicator({ level1: 'outcome', name: '通行条件', target: '明显改善', weight: '30' }),
    emptyDeclaredIndicator({ level1: 'satisfaction', name: '群众满意度', target: '≥90%', weight: '10' }),
  ],
};

const evaluation = (change: (rows: IndicatorRow[]) => IndicatorRow[] = (rows) => rows): EvaluationForm => {
  const form = evaluationFromDeclaration(declaration, null);
  return { ...form, indicators: change(form.indicators) };
};

const codes = (form: EvaluationForm, monitoring: MonitoringReport | null = null) =>
  compareBudgetYear(form, declaration, monitoring).findings.map((finding) => finding.code);

describe('indicatorKey, targetsDiffer, weightsDiffer', () => {
  it.each([
    ['养护里程', ' 养护 里程 ', true],
    ['群众满意度', '群众满意度。', true],
    ['养护里程', '养护面积', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(indicatorKey(a) === indicatorKey(b)).toBe(same);
  });

  const cell = (target: string, comparator = '', measureUnit = '') => ({ target, comparator, measureUnit });
  it.each([
    ['≥300公里', '≥ 300 公里', false],
    ['≥300公里', '300公里', false],
    ['≥300公里', '≥250公里', true],
    ['≥300公里', '≤300公里', true],
    ['≥90%', '≥ 90 ％', false],
    ['明显改善', '明显改善。', false],
    ['明显改善', '有所改善', true],
    ['2026年12月底前', '2026年12月底前完成', false],
    ['', '300公里', true],
  ])('target %s vs %s differs: %s', (a, b, differs) => {
    expect(targetsDiffer(cell(a), cell(b))).toBe(differs);
  });

  it.each([
    ['10', '10.00', false],
    ['10', '10分', false],
    ['10', '8', true],
    ['十', '十', false],
    ['十', '10', true],
  ])('weight %s vs %s differs: %s', (a, b, differs) => {
    expect(weightsDiffer(a, b)).toBe(differs);
  });
});

describe('compareBudgetYear', () => {
  it('finds nothing when the evaluation keeps the approved targets', () => {
    const result = compareBudgetYear(evaluation(), declaration, null);
    expect(result.findings).toEqual([]);
    expect(result.rows.map((row) => [row.name, row.changes])).toEqual([
      ['养护里程', []],
      ['每公里成本', []],
      ['通行条件', []],
      ['群众满意度', []],
    ]);
  });

  it('raises TARGET_CHANGED_AFTER_APPROVAL on a lowered target, naming the row and both values', () => {
    const form = evaluation((rows) => rows.map((row, i) => (i === 0 ? { ...row, target: '≥250公里' } : row)));
    const result = compareBudgetYear(form, declaration, null);
    expect(result.findings).toEqual([
      {
        code: 'TARGET_CHANGED_AFTER_APPROVAL',
        severity: 'error',
        where: 'indicators[0].target',
        rule: 'AUDIT-TARGET_CHANGED_AFTER_APPROVAL',
        message: '第1行指标“养护里程”的年度指标值“≥250公里”与批复的绩效目标“≥300公里”不一致。',
      },
    ]);
    expect(result.rows[0]?.changes).toEqual(['target']);
    expect(result.rows[0]?.declared).toEqual({ target: '≥300公里', weight: '30' });
    expect(result.rows[0]?.evaluated?.target).toBe('≥250公里');
  });

  it('raises WEIGHT_CHANGED_AFTER_APPROVAL on a moved weight', () => {
    const form = evaluation((rows) => rows.map((row, i) => (i === 3 ? { ...row, weight: '5' } : row)));
    const result = compareBudgetYear(form, declaration, null);
    expect(result.findings.map((finding) => [finding.code, finding.where, finding.message])).toEqual([
      [
        'WEIGHT_CHANGED_AFTER_APPROVAL',
        'indicators[3].weight',
        '第4行指标“群众满意度”的分值“5”与批复的绩效目标分值“10”不一致。',
      ],
    ]);
  });

  it('raises one INDICATOR_SET_CHANGED naming the missing and the new rows, matching names loosely', () => {
    const form = evaluation((rows) => [
      { ...(rows[0] as IndicatorRow), name: '养护 里程' },
      rows[2] as IndicatorRow,
      rows[3] as IndicatorRow,
      emptyIndicator({ level1: 'output', name: '新建桥梁', target: '2座', weight: '20' }),
    ]);
    const result = compareBudgetYear(form, declaration, null);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      code: 'INDICATOR_SET_CHANGED',
      severity: 'warning',
      where: 'indicators',
      message: '批复的绩效目标中的指标“每公里成本”未出现在自评表中；自评表新增了批复中没有的指标“新建桥梁”。',
    });
    expect(result.rows.map((row) => [row.name, row.changes])).toEqual([
      ['养护里程', []],
      ['每公里成本', ['removed']],
      ['通行条件', []],
      ['群众满意度', []],
      ['新建桥梁', ['added']],
    ]);
  });

  describe('MONITORING_WARNING_UNADDRESSED', () => {
    const monitoring = (likelihood: MonitoredIndicator['likelihood'], deviationReason = ''): MonitoringReport => {
      const report = monitoringFromDeclaration(declaration, '2026-07-31');
      report.funds.total.executed = '60';
      report.indicators = report.indicators.map((row, i) =>
        i === 0 ? { ...row, likelihood, deviationReason, progress: '120公里' } : { ...row, likelihood: 'certain' },
      );
      return report;
    };
    const fullScore = (note = '') =>
      evaluation((rows) =>
        rows.map((row, i) => (i === 0 ? { ...row, actual: '300公里', statedScore: '30', deviationNote: note } : row)),
      );

    it.each<[string, MonitoredIndicator['likelihood'], string, EvaluationForm, boolean]>([
      ['完全不可能, then full score and no note', 'impossible', '', fullScore(), true],
      ['有可能 with a deviation, then full score and no note', 'possible', '雨季停工', fullScore(), true],
      ['有可能 without a deviation', 'possible', '', fullScore(), false],
      ['确定能', 'certain', '', fullScore(), false],
      ['完全不可能, explained at year end', 'impossible', '', fullScore('下半年加快施工，全年完成'), false],
      [
        '完全不可能, not at full score',
        'impossible',
        '',
        evaluation((rows) => rows.map((row, i) => (i === 0 ? { ...row, statedScore: '20' } : row))),
        false,
      ],
    ])('%s', (_, likelihood, reason, form, raised) => {
      expect(codes(form, monitoring(likelihood, reason)).includes('MONITORING_WARNING_UNADDRESSED')).toBe(raised);
    });

    it('names the row, the judgement and the reason', () => {
      const result = compareBudgetYear(fullScore(), declaration, monitoring('possible', '雨季停工'));
      expect(result.findings[0]?.message).toBe(
        '第1行指标“养护里程”在运行监控中判断为“有可能”完成年度目标（原因：雨季停工），自评却按满分 30 分计且未说明偏差原因。',
      );
      expect(result.rows[0]?.monitored).toEqual({
        progress: '120公里',
        likelihood: 'possible',
        deviationReason: '雨季停工',
      });
    });

    it('flags execution behind at monitoring when the fund row claims full score with no amount executed', () => {
      const report = monitoring('certain');
      report.funds.total.executed = '30';
      const form = evaluation();
      const claimed = { ...form, funds: { ...form.funds, executionWeight: '10', statedExecutionScore: '10' } };
      expect(compareBudgetYear(claimed, declaration, report).findings).toEqual([
        expect.objectContaining({
          code: 'MONITORING_WARNING_UNADDRESSED',
          where: 'funds.total.executed',
          message:
            '运行监控时（2026-07-31）预算执行率 30.00% 低于时间进度 58.08%，自评预算执行按满分 10 分计，却未填写全年执行数。',
        }),
      ]);
      const stated = { ...claimed, funds: { ...claimed.funds, total: { ...claimed.funds.total, executed: '98' } } };
      expect(compareBudgetYear(stated, declaration, report).findings).toEqual([]);
    });
  });

  it('without a declaration compares nothing but still lists the evaluation rows', () => {
    const result = compareBudgetYear({ ...emptyForm(), indicators: evaluation().indicators }, null, null);
    expect(result.findings).toEqual([]);
    expect(result.rows).toHaveLength(4);
    expect(result.rows.every((row) => row.declared === null && row.changes.length === 0)).toBe(true);
  });
});
