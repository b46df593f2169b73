import { describe, expect, it } from 'vitest';
import { seedForm } from '../../test/seed-form.ts';
import { type EvaluationForm, emptyIndicator } from '../model/form.ts';
import { evaluate } from '../score/evaluate.ts';
import { summarizeEvaluation } from '../summary.ts';
import type { FindingCode } from './codes.ts';

const edited = (edit: (form: EvaluationForm) => void): EvaluationForm => {
  const form = seedForm();
  edit(form);
  return form;
};

const codes = (form: EvaluationForm): Set<FindingCode> => new Set(evaluate(form).findings.map((item) => item.code));

const messagesOf = (form: EvaluationForm, code: FindingCode): string =>
  evaluate(form)
    .findings.filter((item) => item.code === code)
    .map((item) => item.message)
    .join('\n');

/**
 * The seed as a published page cut inside the 满意度 row: the name is there, its values and the 总分 row are not.
 * The unit's 总分 (99) and grade are printed above the table, as some templates do.
 */
const cutInSatisfaction = (complete: boolean): EvaluationForm =>
  edited((form) => {
    form.indicators = form.indicators.slice(0, 21);
    const last = form.indicators[20];
    if (last) Object.assign(last, { actual: '', weight: '', statedScore: '' });
    form.statedTotal = { weight: '', score: '99' };
    form.statedGrade = '优';
    form.complete = complete;
  });

/** Cut inside the 产出 block, before its 成本 rows. */
const cutInOutput = (complete: boolean): EvaluationForm =>
  edited((form) => {
    form.indicators = form.indicators.slice(0, 10);
    form.statedTotal = { weight: '', score: '' };
    form.complete = complete;
  });

/** The 成本 rows dropped, and the table cut in the 效益 block. */
const noCostCutInOutcome = (complete: boolean): EvaluationForm =>
  edited((form) => {
    form.indicators = form.indicators.filter((row) => row.level2 !== 'cost').slice(0, 13);
    form.statedTotal = { weight: '', score: '' };
    form.complete = complete;
  });

const WHOLE_TABLE_CODES: FindingCode[] = [
  'WEIGHTS_NOT_100',
  'LEVEL_WEIGHT_MISMATCH',
  'TOTAL_MISMATCH',
  'GRADE_MISMATCH',
];

describe('INCOMPLETE_FORM: a cut table is read as far as it goes', () => {
  it('raises the completeness checks on the same rows when the table is whole (what the cut form must not)', () => {
    const whole = codes(cutInSatisfaction(true));
    for (const code of WHOLE_TABLE_CODES) expect(whole, code).toContain(code);
    expect(whole).toContain('ACTUAL_MISSING');
  });

  it('reports INCOMPLETE_FORM and none of the completeness checks, even against a printed total', () => {
    const cut = codes(cutInSatisfaction(false));
    expect(cut).toContain('INCOMPLETE_FORM');
    for (const code of WHOLE_TABLE_CODES) expect(cut, code).not.toContain(code);
    expect(cut).not.toContain('ACTUAL_MISSING');
    expect(messagesOf(cutInSatisfaction(false), 'INCOMPLETE_FORM')).toContain('表格止于第21行“被摸底调查对象满意度”');
  });

  it('keeps the checks of what was seen: execution, blockers of complete rows, placeholders before the cut', () => {
    const cut = codes(cutInSatisfaction(false));
    for (const code of ['TARGET_MISSING', 'LOW_EXECUTION', 'ADJUSTED_BUDGET_BLANK', 'PLACEHOLDER_ROWS'] as const) {
      expect(cut, code).toContain(code);
    }
  });

  it.each([
    ['a cut label-only last row', emptyIndicator({ level1: 'outcome', level1Label: '效益指标', level2Label: '生态' })],
    ['a cut "……" last row', emptyIndicator({ level1: 'output', level2: 'cost', name: '……' })],
  ])('does not list %s as a placeholder', (_label, last) => {
    const form = edited((f) => {
      f.indicators = [...f.indicators.slice(0, 11), last];
      f.complete = false;
    });
    expect(codes(form)).not.toContain('PLACEHOLDER_ROWS');
    expect(codes({ ...form, complete: true })).toContain('PLACEHOLDER_ROWS');
  });

  it.each([
    // [form, COST_INDICATOR_MISSING expected, QUALITATIVE_ONLY_OUTCOME expected]
    ['whole seed', (complete: boolean) => edited((f) => Object.assign(f, { complete })), false, true],
    ['cut inside 产出 (no 成本 row seen yet)', cutInOutput, false, false],
    ['no 成本 row, cut inside 效益 (产出 seen in full)', noCostCutInOutcome, true, false],
    ['cut inside 满意度 (效益 seen in full)', cutInSatisfaction, false, true],
  ] as const)(
    'judges what a block lacks only once the block was seen in full: %s',
    (_label, make, cost, qualitative) => {
      const cut = codes(make(false));
      expect(cut.has('COST_INDICATOR_MISSING')).toBe(cost);
      expect(cut.has('QUALITATIVE_ONLY_OUTCOME')).toBe(qualitative);
    },
  );

  it('raises COST_INDICATOR_MISSING on the whole form cut in 产出, as before', () => {
    expect(codes(cutInOutput(true))).toContain('COST_INDICATOR_MISSING');
  });

  it('does not judge the values of the row the page stops in', () => {
    const form = edited((f) => {
      f.indicators = f.indicators.slice(0, 6);
      const last = f.indicators[5];
      if (last) Object.assign(last, { actual: '9', weight: '5', statedScore: '' });
      f.complete = false;
    });
    const cut = codes(form);
    for (const code of ['SHORTFALL_WITHOUT_NOTE', 'UNPARSEABLE_VALUE', 'ACTUAL_MISSING'] as const) {
      expect(cut, code).not.toContain(code);
    }
    expect(codes({ ...form, complete: true })).toContain('SHORTFALL_WITHOUT_NOTE');
  });
});

describe('NOT_A_SELF_EVALUATION: target declarations and funds-only pages are refused, not half-read', () => {
  const declaration = (complete: boolean) =>
    edited((form) => {
      for (const row of form.indicators) Object.assign(row, { actual: '', statedScore: '' });
      Object.assign(form.funds, { statedExecutionRate: '', statedExecutionScore: '' });
      form.funds.total.executed = '';
      form.statedTotal = { weight: '', score: '' };
      form.formKind = 'target-declaration';
      form.complete = complete;
    });
  const fundsOnly = edited((form) => {
    form.indicators = [];
    form.statedTotal = { weight: '', score: '' };
    form.formKind = 'funds-only';
  });

  it('half-reads a declaration as a self-evaluation when the kind is not given (what must not happen)', () => {
    const asSelf = codes({ ...declaration(true), formKind: 'self-evaluation' });
    for (const code of ['ACTUAL_MISSING', 'ADJUSTED_BUDGET_BLANK', 'PLACEHOLDER_ROWS'] as const) {
      expect(asSelf, code).toContain(code);
    }
  });

  it.each([
    [
      'a target declaration',
      declaration(true),
      ['NOT_A_SELF_EVALUATION'],
      '绩效目标申报表（只有年度指标值，没有实际完成值）',
    ],
    ['a cut target declaration', declaration(false), ['NOT_A_SELF_EVALUATION', 'INCOMPLETE_FORM'], '申报表'],
    ['a funds-only page', fundsOnly, ['NOT_A_SELF_EVALUATION'], '只有资金情况，没有绩效指标行'],
  ] as const)('refuses %s, naming the kind found, with no other finding', (_label, form, expected, words) => {
    const result = evaluate(form);
    expect(result.findings.map((item) => item.code).sort()).toEqual([...expected].sort());
    const refusal = result.findings.find((item) => item.code === 'NOT_A_SELF_EVALUATION');
    expect(refusal).toMatchObject({ severity: 'error', where: 'formKind' });
    expect(refusal?.message).toContain(words);
  });
});

describe('unscored and department-overall forms', () => {
  /** The seed with every 分值 and 得分 blank: a form that reports values but scores nothing. */
  const unscored = (kind: EvaluationForm['formKind']) =>
    edited((form) => {
      for (const row of form.indicators) Object.assign(row, { weight: '', statedScore: '' });
      const first = form.indicators[0];
      if (first) first.actual = '2000';
      Object.assign(form.funds, { executionWeight: '', statedExecutionRate: '75%', statedExecutionScore: '' });
      form.statedTotal = { weight: '', score: '' };
      form.statedGrade = '良';
      form.formKind = kind;
    });

  const SCORE_CODES: FindingCode[] = [
    'TOTAL_MISMATCH',
    'WEIGHTS_NOT_100',
    'LEVEL_WEIGHT_MISMATCH',
    'SCORE_ABOVE_WEIGHT',
    'MET_TARGET_SCORED_BELOW_WEIGHT',
    'SHORTFALL_WITHOUT_NOTE',
    'NONDEFAULT_WEIGHTS',
    'GRADE_MISMATCH',
    'EXEC_SCORE_MISMATCH',
  ];

  it('raises score checks on the same form read as a self-evaluation (what an unscored one must not)', () => {
    const asSelf = codes(unscored('self-evaluation'));
    for (const code of ['WEIGHTS_NOT_100', 'LEVEL_WEIGHT_MISMATCH', 'GRADE_MISMATCH'] as const) {
      expect(asSelf, code).toContain(code);
    }
  });

  it('scores an unscored form by the rules without stated scores: value checks only', () => {
    const form = unscored('unscored');
    const found = codes(form);
    for (const code of SCORE_CODES) expect(found, code).not.toContain(code);
    for (const code of ['OVER_ACHIEVEMENT', 'TARGET_MISSING', 'EXEC_RATE_MISMATCH', 'LOW_EXECUTION'] as const) {
      expect(found, code).toContain(code);
    }
    const summary = summarizeEvaluation(form, evaluate(form));
    expect(summary.executionRate).toBe(73.03);
    expect(summary.executionScore).toBe(7.3);
    const noFundWeight = { ...form, funds: { ...form.funds, executionWeight: '0' } };
    expect(summarizeEvaluation(noFundWeight, evaluate(noFundWeight)).executionScore).toBeNull();
  });

  it('checks the scores of a form read as unscored once they are filled in', () => {
    const filled = unscored('unscored');
    for (const row of filled.indicators) Object.assign(row, { weight: '5', statedScore: '5' });
    expect(codes(filled)).toContain('WEIGHTS_NOT_100');
  });

  it('audits a department-overall form exactly as a self-evaluation', () => {
    const department = evaluate({ ...seedForm(), formKind: 'department-overall' });
    expect(department).toEqual(evaluate(seedForm()));
  });
});

describe('TOTAL-2: the recomputed total is the execution score plus the printed indicator scores', () => {
  it.each([
    // [execution weight, stated total, TOTAL_MISMATCH expected, recomputed total]
    ['10', '97.3', false, 97.3],
    ['10', '100', true, 97.3],
    ['0', '90', false, 90],
    ['0', '97.3', true, 90],
  ] as const)('execution weight %s, stated total %s', (weight, stated, mismatch, recomputed) => {
    const form = edited((f) => {
      f.funds.executionWeight = weight;
      f.statedTotal.score = stated;
      // A printed score the rules would not give still counts as printed: nothing is re-scored.
      const row = f.indicators[1];
      if (row) Object.assign(row, { actual: '12', deviationNote: '拆迁户减少' });
    });
    const result = evaluate(form);
    expect(result.checkTotal).toBe(recomputed);
    expect(result.findings.some((item) => item.code === 'TOTAL_MISMATCH')).toBe(mismatch);
  });
});
