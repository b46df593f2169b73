import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativeBlocks } from './body-blocks.ts';

describe('narrativeBlocks', () => {
  it('splits the seed’s funds section into a subheading, paragraphs and one table', () => {
    const body = [
      '（一）项目支出资金概况',
      '2022年我单位项目支出预算共 38 万元。',
      '金额单位：万元',
      '项目名称\t项目类型\t资金用途、使用方向\t预算金额\t支出金额',
      '\t\t\t指标',
      '合计\t38\t38\t27.75\t27.75',
      '（二）项目绩效目标情况',
    ].join('\n');
    const blocks = narrativeBlocks(body);
    expect(blocks.map((block) => block.kind)).toEqual(['subheading', 'paragraph', 'paragraph', 'table', 'subheading']);
    const table = blocks[3];
    if (table?.kind !== 'table') throw new Error('expected a table');
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['项目名称', '项目类型', '资金用途、使用方向', '预算金额', '支出金额'],
      ['', '', '', '指标'],
      ['合计', '38', '38', '27.75', '27.75'],
    ]);
    // A short row's last cell spans to the table's width, unless the row ends in a figure: then its label spans,
    // and the figures stay under the columns they belong to. Full rows span nothing.
    expect(table.rows[1]?.cells.map((cell) => cell.colSpan)).toEqual([1, 1, 1, 2]);
    const totals = narrativeBlocks('名称\t类型\t用途\t预算\t支出\t执行率\n合计\t38\t27.75\t73.03%')[0];
    if (totals?.kind !== 'table') throw new Error('expected a table');
    expect(totals.rows[1]?.cells.map((cell) => [cell.text, cell.colSpan])).toEqual([
      ['合计', 3],
      ['38', 1],
      ['27.75', 1],
      ['73.03%', 1],
    ]);
    expect(table.rows[0]?.cells.every((cell) => cell.colSpan === 1)).toBe(true);
  });

  it.each([
    ['', []],
    ['\n\n', []],
    ['一段话', ['paragraph']],
    ['a\tb\n\nc\td', ['table', 'table']],
  ])('%j gives %j', (body, kinds) => {
    expect(narrativeBlocks(body).map((block) => block.kind)).toEqual(kinds);
  });

  it('keeps every word of the body and gives every table row the same width', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[一-龥a-z0-9\t ]{0,12}$/u), { maxLength: 12 }), (lines) => {
        const body = lines.join('\n');
        const blocks = narrativeBlocks(body);
        const words = blocks.flatMap((block) =>
          block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => cell.text)) : [block.text],
        );
        expect(words.join('').replace(/\s/gu, '')).toBe(body.replace(/\s/gu, ''));
        for (const block of blocks) {
          if (block.kind !== 'table') continue;
          const widths = block.rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colSpan, 0));
          expect(new Set(widths).size).toBe(1);
        }
      }),
    );
  });
});
