import type { TextRun } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { diffText, textSimilarity } from './text-diff.ts';

const eq = (text: string): TextRun => ({ op: 'equal', text });
const del = (text: string): TextRun => ({ op: 'delete', text });
const ins = (text: string): TextRun => ({ op: 'insert', text });

describe('diffText', () => {
  it.each<[string, string, string, TextRun[]]>([
    ['equal texts', '按期完成', '按期完成', [eq('按期完成')]],
    ['both empty', '', '', []],
    ['text added to an empty field', '', '已完成', [ins('已完成')]],
    [
      'an appended sentence',
      '资金执行率偏低。',
      '资金执行率偏低。另有10万元未支付。',
      [eq('资金执行率偏低。'), ins('另有10万元未支付。')],
    ],
    [
      'a figure replaced whole, not digit by digit',
      '完成率95%',
      '完成率98%',
      [eq('完成率'), del('95'), ins('98'), eq('%')],
    ],
    [
      'a word changed in the middle of a paragraph',
      '项目按计划实施，群众满意度较高，达到预期目标。',
      '项目按计划实施，群众满意度很高，达到预期目标。',
      [eq('项目按计划实施，群众满意度'), del('较'), ins('很'), eq('高，达到预期目标。')],
    ],
    [
      'a deletion and an insertion in different places',
      '一、项目概况。二、绩效目标。',
      '一、项目基本概况。二、目标。',
      [eq('一、项目'), ins('基本'), eq('概况。二、'), del('绩效'), eq('目标。')],
    ],
    ['a one-character sliver between two changes folded into them', '甲乙丙', '丁乙戊', [del('甲乙丙'), ins('丁乙戊')]],
  ])('%s', (_name, before, after, runs) => {
    expect(diffText(before, after)).toEqual(runs);
  });

  it('always rebuilds both texts from its runs', () => {
    const before = '本年度共完成征收房屋120户，面积1.2万平方米，资金执行率73.03%。';
    const after = '本年度共完成征收房屋118户，面积1.25万平方米；资金执行率偏低（73.03%），原因见第七部分。';
    const runs = diffText(before, after);
    const join = (op: TextRun['op']) =>
      runs
        .filter((run) => run.op === 'equal' || run.op === op)
        .map((run) => run.text)
        .join('');
    expect(join('delete')).toBe(before);
    expect(join('insert')).toBe(after);
    for (let index = 1; index < runs.length; index += 1) expect(runs[index]?.op === runs[index - 1]?.op).toBe(false);
  });

  it('falls back to one deletion and one insertion for very long unrelated texts', () => {
    const runs = diffText('甲'.repeat(3000), '乙'.repeat(3000));
    expect(runs).toEqual([del('甲'.repeat(3000)), ins('乙'.repeat(3000))]);
  });
});

describe('textSimilarity', () => {
  it.each([
    ['受益户数', '受益户数', 1],
    ['受益户数', '', 0],
    ['甲乙', '丙丁', 0],
    ['受益户数', '受益人数', 0.75],
  ])('%s ~ %s = %d', (a, b, similarity) => {
    expect(textSimilarity(a, b)).toBeCloseTo(similarity);
  });
});
