import { DEFAULT_RESULT_APPLICATION_POLICY, type ResultApplicationRow, suggestion } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { adjustmentText, filterResultRows, initialDecision } from './result-application-view.ts';

const rules = DEFAULT_RESULT_APPLICATION_POLICY.rules;

const row = (grade: 'excellent' | 'good' | 'fair' | 'poor', decided: boolean): ResultApplicationRow => ({
  evaluationId: `${grade}-${decided}`,
  organizationId: 'o',
  organizationName: '单位',
  projectName: '项目',
  status: 'approved',
  totalScore: 80,
  grade,
  gradeLabel: '',
  suggestion: suggestion(grade, rules),
  decision: decided
    ? {
        decision: 'other',
        decisionLabel: '其他',
        adjustmentPercent: null,
        suggestionText: '',
        reason: '另行安排',
        departures: [],
        decidedBy: 'u',
        decidedByName: 'u',
        decidedAt: '',
      }
    : null,
});

describe('结果应用 page helpers', () => {
  const rows = [row('excellent', true), row('excellent', false), row('poor', false)];

  it.each<[Parameters<typeof filterResultRows>[1], string[]]>([
    [{}, ['excellent-true', 'excellent-false', 'poor-false']],
    [{ grade: 'excellent' }, ['excellent-true', 'excellent-false']],
    [{ decided: 'pending' }, ['excellent-false', 'poor-false']],
    [{ decided: 'decided' }, ['excellent-true']],
    [{ grade: 'poor', decided: 'decided' }, []],
  ])('filters %j', (filter, ids) => {
    expect(filterResultRows(rows, filter).map((item) => item.evaluationId)).toEqual(ids);
  });

  it.each<[ResultApplicationRow, ReturnType<typeof initialDecision>]>([
    [row('excellent', false), { decision: 'keep', adjustmentPercent: null, reason: '' }],
    [row('fair', false), { decision: 'cut', adjustmentPercent: 20, reason: '' }],
    [row('poor', false), { decision: 'cut', adjustmentPercent: 30, reason: '' }],
    [row('good', true), { decision: 'other', adjustmentPercent: null, reason: '另行安排' }],
  ])('starts the dialog from %#', (item, draft) => {
    expect(initialDecision(item)).toEqual(draft);
  });

  it.each([
    ['increase', 10, '+10%'],
    ['cut', 20, '−20%'],
    ['cancel', null, '−100%'],
    ['keep', null, ''],
  ] as const)('shows %s %s as %s', (decision, percent, text) => {
    expect(adjustmentText(decision, percent)).toBe(text);
  });
});
