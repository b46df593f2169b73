import { describe, expect, it } from 'vitest';
import { normalizeGlyphs } from './glyphs.ts';
import { blocksOfPage, type TextRun } from './page-blocks.ts';
import type { Segment } from './page-geometry.ts';

const run = (text: string, x: number, y: number, width = 20, height = 9): TextRun => ({ text, x, y, width, height });
const h = (at: number, from: number, to: number): Segment => ({ axis: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ axis: 'v', at, from, to });

/** A 2×3 table whose first row's last two cells are merged, each border drawn cell by cell. */
const mergedGrid: Segment[] = [
  ...[100, 80, 60].flatMap((y) => [h(y, 0, 100), h(y, 100, 200), h(y, 200, 300)]),
  v(0, 60, 80),
  v(0, 80, 100),
  v(100, 60, 80),
  v(100, 80, 100),
  v(200, 60, 80),
  v(300, 60, 80),
  v(300, 80, 100),
];

describe('blocksOfPage', () => {
  it('gives a merged cell once per column it spans', () => {
    const blocks = blocksOfPage(
      [run('项目', 10, 85), run('征收', 150, 85), run('a', 10, 65), run('b', 110, 65), run('c', 210, 65)],
      mergedGrid,
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['项目', '征收', '征收'],
          ['a', 'b', 'c'],
        ],
      },
    ]);
  });

  it('leaves a vertically merged cell empty on the rows below its first', () => {
    const grid = [h(100, 0, 200), h(80, 100, 200), h(60, 0, 200), v(0, 60, 100), v(100, 60, 100), v(200, 60, 100)];
    const blocks = blocksOfPage([run('产出指标', 10, 76), run('数量', 110, 85), run('质量', 110, 65)], grid);
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['产出指标', '数量'],
          ['', '质量'],
        ],
      },
    ]);
  });

  it('joins a wrapped cell without a space, even inside a number', () => {
    const grid = [h(100, 0, 100), h(60, 0, 100), v(0, 60, 100), v(100, 60, 100)];
    const blocks = blocksOfPage([run('另有10万元20', 5, 85, 80), run('22年未支付', 5, 72, 60)], grid);
    expect(blocks).toEqual([{ kind: 'table', rows: [['另有10万元2022年未支付']] }]);
  });

  it('cuts a run that pdf.js joined across a column rule', () => {
    const grid = [h(100, 0, 200), h(80, 0, 200), v(0, 80, 100), v(100, 80, 100), v(200, 80, 100)];
    const blocks = blocksOfPage([run('经费（万元） 38', 20, 85, 100)], grid);
    expect(blocks).toEqual([{ kind: 'table', rows: [['经费（万元）', '38']] }]);
  });

  it('closes a table continued from the last page where its column rules begin', () => {
    const grid = [
      h(80, 0, 200),
      v(0, 80, 100),
      v(100, 80, 100),
      v(200, 80, 100),
      v(0, 60, 80),
      v(200, 60, 80),
      h(60, 0, 200),
    ];
    const blocks = blocksOfPage([run('续', 10, 85), run('行', 110, 85), run('总分', 80, 65)], grid);
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['续', '行'],
          ['总分', '总分'],
        ],
      },
    ]);
  });

  it('orders paragraphs and tables down the page, drops page numbers and starts paragraphs at indents', () => {
    const blocks = blocksOfPage(
      [
        run('一、单位基本情况', 0, 300, 120, 16),
        run('本单位编制数10人，在职', 32, 280, 268, 16),
        run('人数11人。', 0, 262, 80, 16),
        run('— 1 —', 140, 20, 30, 12),
        ...[run('a', 10, 85), run('b', 150, 85)],
      ],
      [h(100, 0, 300), h(80, 0, 300), v(0, 80, 100), v(100, 80, 100), v(300, 80, 100)],
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '一、单位基本情况' },
      { kind: 'paragraph', text: '本单位编制数10人，在职人数11人。' },
      { kind: 'table', rows: [['a', 'b']] },
    ]);
  });
});

describe('normalizeGlyphs', () => {
  it.each([
    ['项⽬⽀出', '项目支出'],
    ['主管部⻔', '主管部门'],
    ['调查数量（⼾）', '调查数量（户）'],
    ['……（无）', '……（无）'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeGlyphs(raw)).toBe(expected);
  });
});
