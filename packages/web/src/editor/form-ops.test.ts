import { type EvaluationForm, emptyForm, emptyIndicator } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  addIndicator,
  groupSums,
  indicatorIndexOf,
  moveIndicator,
  readCell,
  removeIndicator,
  rowsInGroup,
  weightUnits,
} from './form-ops.ts';

const formWith = (...rows: [EvaluationForm['indicators'][number]['level1'], string, string][]): EvaluationForm => ({
  ...emptyForm(),
  indicators: rows.map(([level1, name, weight]) => emptyIndicator({ level1, name, weight })),
});

const names = (form: EvaluationForm) => form.indicators.map((row) => row.name);

describe('indicator tree operations', () => {
  it('adds a row at the end of its own group, keeping group order', () => {
    const form = formWith(['output', 'a', '10'], ['output', 'b', '10'], ['satisfaction', 's', '10']);
    const added = addIndicator(form, 'outcome', 'social');
    expect(added.indicators.map((row) => row.level1)).toEqual(['output', 'output', 'outcome', 'satisfaction']);
    expect(added.indicators[2]).toMatchObject({ level1Label: '效益指标', level2: 'social', name: '' });
    expect(addIndicator(emptyForm(), 'satisfaction').indicators).toHaveLength(1);
    expect(addIndicator(form, 'output').indicators[2]?.level1).toBe('output');
  });

  it('moves a row within its group only, and stops at the edges', () => {
    const form = formWith(['output', 'a', '1'], ['outcome', 'x', '1'], ['output', 'b', '1'], ['output', 'c', '1']);
    expect(names(moveIndicator(form, 2, -1))).toEqual(['b', 'x', 'a', 'c']);
    expect(names(moveIndicator(form, 2, 1))).toEqual(['a', 'x', 'c', 'b']);
    expect(moveIndicator(form, 0, -1)).toBe(form);
    expect(moveIndicator(form, 1, 1)).toBe(form);
    expect(moveIndicator(form, 9, 1)).toBe(form);
  });

  it('removes exactly one row and lists group members in form order', () => {
    const form = formWith(['output', 'a', '1'], ['outcome', 'x', '1'], ['output', 'b', '1']);
    expect(names(removeIndicator(form, 1))).toEqual(['a', 'b']);
    expect(rowsInGroup(form, 'output')).toEqual([0, 2]);
    expect(rowsInGroup(formWith([null, '?', '1']), 'unclassified')).toEqual([0]);
  });

  it('sums weights per group exactly and counts unreadable cells', () => {
    const form = formWith(
      ['output', 'a', '10.1'],
      ['output', 'b', '20.2'],
      ['output', 'c', '十分'],
      ['outcome', 'd', '30分'],
      ['satisfaction', 'e', ''],
    );
    const sums = groupSums(form);
    expect(sums.output).toEqual({ weight: 30.3, unreadable: 1, rows: 3 });
    expect(sums.outcome).toEqual({ weight: 30, unreadable: 0, rows: 1 });
    expect(sums.satisfaction).toEqual({ weight: 0, unreadable: 0, rows: 1 });
  });

  it.each([
    ['10', 100_000],
    ['7.5', 75_000],
    ['０.０５', 500],
    ['20分', 200_000],
    ['1.234', 12_340],
    ['', 0],
    ['—', 0],
    ['-1', null],
    ['十分', null],
    ['5万元', null],
  ])('reads weight %j as the engine does: %j ten-thousandths', (cell, expected) => {
    expect(weightUnits(cell)).toBe(expected);
  });
});

describe('reading cells as the engine does', () => {
  it.each([
    ['≥95%', '', true, '≥ 95 %'],
    ['1933', '发放补助资金（万元）', true, '1933 万元'],
    ['有效保障', '群众生活条件改善', true, '定性：有效保障'],
    ['9５%%', '验收合格率', false, '百分号重复'],
    ['同上', '培训场次', false, '同上'],
  ])('%j under %j', (target, name, ok, phrase) => {
    const reading = readCell(emptyIndicator({ name, target }), 'target');
    expect(reading?.ok).toBe(ok);
    expect(reading?.text).toContain(phrase);
  });

  it('says nothing for an empty cell', () => {
    expect(readCell(emptyIndicator({ target: '  ' }), 'target')).toBeNull();
  });

  it('links finding paths to rows', () => {
    expect(indicatorIndexOf('indicators[3].target')).toBe(3);
    expect(indicatorIndexOf('indicators[12]')).toBe(12);
    expect(indicatorIndexOf('funds.adjustedBudget')).toBeNull();
  });
});
