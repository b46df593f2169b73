import { type EvaluationForm, emptyForm, emptyIndicator } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  addIndicator,
  groupSums,
  indicatorIndexOf,
  moveIndicator,
  readCell,
  removeIndicator,
  restoreIndicator,
  rowsInGroup,
  updateIndicator,
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
    expect(names(removeIndicator(form, 1).form)).toEqual(['a', 'b']);
    expect(removeIndicator(form, 3)).toEqual({ form, removed: null });
    expect(rowsInGroup(form, 'output')).toEqual([0, 2]);
    expect(rowsInGroup(formWith([null, '?', '1']), 'unclassified')).toEqual([0]);
  });

  it('撤销 of a deletion gives back the same form', () => {
    const form = formWith(
      ['output', 'a', '1'],
      ['output', 'b', '2'],
      ['outcome', 'x', '3'],
      ['satisfaction', 's', '4'],
    );
    for (const index of [0, 1, 3]) {
      const { form: without, removed } = removeIndicator(form, index);
      expect(without.indicators).toHaveLength(3);
      expect(restoreIndicator(without, removed ?? expect.fail('a row was removed'))).toEqual(form);
    }
  });

  it('撤销 puts the row back at its place after edits to other rows in between', () => {
    const form = formWith(
      ['output', 'a', '1'],
      ['output', 'b', '2'],
      ['outcome', 'x', '3'],
      ['satisfaction', 's', '4'],
    );
    const { form: without, removed } = removeIndicator(form, 1);
    if (!removed) return expect.fail('a row was removed');
    // Both neighbours edited: the row returns to its old index.
    const edited = updateIndicator(updateIndicator(without, 0, { target: '≥95%' }), 1, { actual: '100%' });
    const restored = restoreIndicator(edited, removed);
    expect(restored).toEqual({
      ...form,
      indicators: form.indicators.map((row, at) =>
        at === 0 ? { ...row, target: '≥95%' } : at === 2 ? { ...row, actual: '100%' } : row,
      ),
    });
    expect(restored.indicators[1]).toBe(removed.row);
  });

  it("撤销 finds the place by the row's old neighbours after rows were deleted, added or moved", () => {
    const form = formWith(['output', 'a', '1'], ['output', 'b', '1'], ['output', 'c', '1'], ['output', 'd', '1']);
    // Two deletions undone in either order give back the same form.
    const first = removeIndicator(form, 2);
    const second = removeIndicator(first.form, 0);
    if (!first.removed || !second.removed) return expect.fail('rows were removed');
    expect(names(second.form)).toEqual(['b', 'd']);
    expect(restoreIndicator(restoreIndicator(second.form, first.removed), second.removed)).toEqual(form);
    expect(restoreIndicator(restoreIndicator(second.form, second.removed), first.removed)).toEqual(form);
    // A row added to the group and another moved: c goes back between b and d.
    const changed = moveIndicator(addIndicator(first.form, 'output'), 0, 1);
    expect(names(restoreIndicator(changed, first.removed))).toEqual(['b', 'a', 'c', 'd', '']);
    // The last row, after its previous neighbour was edited and an earlier row deleted: at the end again.
    const last = removeIndicator(form, 3);
    if (!last.removed) return expect.fail('a row was removed');
    const shorter = removeIndicator(updateIndicator(last.form, 2, { name: 'c2' }), 0).form;
    expect(names(restoreIndicator(shorter, last.removed))).toEqual(['b', 'c2', 'd']);
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
