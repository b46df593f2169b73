import { describe, expect, it } from 'vitest';
import { checkCase, type EngineOutcome, type ExpectedCase, type FormOutcome } from '../testing/corpus/check-case.ts';

const selfEvaluation: ExpectedCase = {
  case: 'x01',
  file: 'cases/x01.txt',
  kind: 'self-evaluation',
  layout: 'flat',
  complete: true,
  readable: true,
  indicatorRows: 2,
  executionRate: 97.81,
  executionScore: 9.78,
  recomputedTotal: null,
  expectedFindings: ['EXEC_SCORE_MISMATCH'],
  otherFindings: ['COST_INDICATOR_MISSING'],
  expectedAnyOf: [['TARGET_MISSING', 'ACTUAL_MISSING']],
  mustNotFind: ['WEIGHTS_NOT_100', 'TOTAL_MISMATCH'],
};

const form = (overrides: Partial<FormOutcome> = {}): FormOutcome => ({
  executionRate: 97.81,
  executionScore: 9.78,
  recomputedTotal: 95,
  findings: [{ code: 'EXEC_SCORE_MISMATCH' }, { code: 'COST_INDICATOR_MISSING' }, { code: 'ACTUAL_MISSING' }],
  indicators: [{}, {}],
  funds: { initialBudget: 100, adjustedBudget: null, executed: 97.81 },
  warnings: [],
  ...overrides,
});

const read = (...forms: FormOutcome[]): EngineOutcome => ({ ok: true, summaries: forms, firstRefused: null });
const failedNames = (expected: ExpectedCase, outcome: EngineOutcome) =>
  checkCase(expected, outcome)
    .filter((check) => !check.passed)
    .map((check) => check.name);

describe('checkCase', () => {
  it('passes a right reading, judging only the first form of a file', () => {
    const checks = checkCase(selfEvaluation, read(form(), form({ executionRate: 1, findings: [] })));
    expect(checks.map((check) => [check.kind, check.passed])).toEqual([
      ['read', true],
      ['executionRate', true],
      ['executionScore', true],
      ['finding', true],
      ['finding', true],
      ['anyOf', true],
      ['falseAlarm', true],
      ['indicatorCount', true],
    ]);
  });

  it('treats "more than 0.01" as strict, and a missing figure as wrong', () => {
    expect(failedNames(selfEvaluation, read(form({ executionRate: 97.82, executionScore: 9.77 })))).toEqual([]);
    expect(failedNames(selfEvaluation, read(form({ executionRate: 97.83, executionScore: null })))).toEqual([
      'executionRate 97.81 (got 97.83)',
      'executionScore 9.78 (got null)',
    ]);
  });

  it('names missing codes, unmet groups, false alarms and a wrong indicator count', () => {
    const wrong = form({ findings: [{ code: 'TOTAL_MISMATCH' }, { code: 'WEIGHTS_NOT_100' }], indicators: [{}] });
    expect(failedNames(selfEvaluation, read(wrong))).toEqual([
      'EXEC_SCORE_MISMATCH',
      'COST_INDICATOR_MISSING',
      'TARGET_MISSING|ACTUAL_MISSING',
      'false alarm TOTAL_MISMATCH,WEIGHTS_NOT_100',
      'indicator rows 2 (got 1)',
    ]);
  });

  it('fails every check of a readable case that was refused, the false-alarm one included', () => {
    const refused: EngineOutcome = { ok: false, code: 'UNKNOWN_LAYOUT', message: '未找到绩效指标表' };
    expect(checkCase(selfEvaluation, refused).every((check) => !check.passed)).toBe(true);
  });

  it('wants an unreadable case refused with NOT_A_SELF_EVALUATION and a reason naming the kind found', () => {
    const declaration = { ...selfEvaluation, kind: 'target-declaration', readable: false };
    const fundsOnly = { ...selfEvaluation, kind: 'funds-only', readable: false };
    const refusal = (code: string, message: string): EngineOutcome => ({ ok: false, code, message });
    const passed = (expected: ExpectedCase, outcome: EngineOutcome) =>
      checkCase(expected, outcome).map((check) => check.passed);
    expect(passed(declaration, refusal('NOT_A_SELF_EVALUATION', '这是绩效目标申报表，不是自评表'))).toEqual([true]);
    expect(passed(declaration, refusal('NOT_A_SELF_EVALUATION', '不是自评表'))).toEqual([false]);
    expect(passed(declaration, refusal('UNKNOWN_LAYOUT', '这是绩效目标申报表'))).toEqual([false]);
    expect(passed(fundsOnly, refusal('NOT_A_SELF_EVALUATION', '只有资金表，没有绩效指标行'))).toEqual([true]);
    expect(passed(fundsOnly, refusal('NOT_A_SELF_EVALUATION', '只有资金表'))).toEqual([false]);
    // The first form refused, a later one read: the case is about the first.
    const firstRefused = { code: 'NOT_A_SELF_EVALUATION', message: '绩效目标申报表' };
    expect(passed(declaration, { ok: true, summaries: [form()], firstRefused })).toEqual([true]);
    expect(failedNames(selfEvaluation, { ok: true, summaries: [form()], firstRefused })).toContain('read');
    // Read, but the first form says what it is.
    expect(passed(declaration, read(form({ findings: [{ code: 'NOT_A_SELF_EVALUATION' }] })))).toEqual([true]);
    expect(passed(declaration, read(form()))).toEqual([false]);
  });

  it('fails a form read with every fund figure blank unless a warning names the fund block', () => {
    const blank = { initialBudget: null, adjustedBudget: null, executed: null };
    const unscored = { ...selfEvaluation, executionRate: null, executionScore: null };
    expect(failedNames(unscored, read(form(), form({ funds: blank })))).toEqual([
      'blank funds without a warning (form 2)',
    ]);
    const warned = form({ funds: blank, warnings: [{ code: 'FUNDS_NOT_FOUND', message: '未找到项目资金表' }] });
    expect(failedNames(unscored, read(form(), warned))).toEqual([]);
    // A form reported as another kind of form is a refusal: its funds are not asked for.
    const declaration = { ...selfEvaluation, kind: 'target-declaration', readable: false };
    const refused = form({ funds: blank, findings: [{ code: 'NOT_A_SELF_EVALUATION' }] });
    expect(failedNames(declaration, read(refused))).toEqual([]);
  });
});
