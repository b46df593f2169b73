import { emptyDeclaration, emptyDeclaredIndicator } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  actionButtons,
  addIndicator,
  removeIndicator,
  restoreIndicator,
  revisionText,
  updateIndicator,
  weightTotal,
} from './declaration-ops.ts';

describe('declaration rows', () => {
  it('adds an output row, edits it and deletes it', () => {
    let form = addIndicator(addIndicator(addIndicator(emptyDeclaration())), 'outcome');
    expect(form.indicators.map((row) => row.level1Label)).toEqual(['产出指标', '产出指标', '效益指标']);
    form = updateIndicator(form, 0, { level2: 'cost', name: '人均培训成本', target: '≤800', weight: '10' });
    expect(form.indicators[0]).toMatchObject({ level2: 'cost', level2Label: '成本指标', name: '人均培训成本' });
    const before = form;
    const { form: without, removed } = removeIndicator(form, 1);
    form = without;
    expect(form.indicators).toHaveLength(2);
    expect(form.indicators[1]?.level1).toBe('outcome');
    // 撤销, after another row was edited, puts the row back between the same neighbours.
    const restored = restoreIndicator(updateIndicator(form, 1, { weight: '20' }), removed ?? expect.fail('removed'));
    expect(restored).toEqual(updateIndicator(before, 2, { weight: '20' }));
  });

  it('drops a 二级指标 that does not belong under a newly chosen 一级指标', () => {
    let form = updateIndicator(addIndicator(emptyDeclaration()), 0, { level2: 'quantity' });
    form = updateIndicator(form, 0, { level1: 'satisfaction' });
    expect(form.indicators[0]).toMatchObject({ level1Label: '满意度指标', level2: null, level2Label: '' });
  });
});

describe('weightTotal', () => {
  it('sums in hundredths without float drift', () => {
    const rows = (weights: string[]) => weights.map((weight) => emptyDeclaredIndicator({ weight }));
    expect(weightTotal(rows(['10.1', '20.2', '', '30']))).toBe('60.3');
    expect(weightTotal(rows(['0.1', '0.2']))).toBe('0.3');
    expect(weightTotal(rows(['100']))).toBe('100');
    expect(weightTotal(rows(['十分']))).toBeNull();
  });
});

describe('revisionText', () => {
  it('names adjustments and replaced revisions', () => {
    expect(actionButtons(['edit', 'submit'])).toEqual(['submit']);
    expect(revisionText({ revisionNo: 1, superseded: false })).toEqual([]);
    expect(revisionText({ revisionNo: 2, superseded: true })).toEqual(['第 1 次调整', '已被调整取代']);
  });
});
