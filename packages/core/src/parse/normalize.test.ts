import { describe, expect, it } from 'vitest';
import { isNullCell, isPlaceholderName, normalizeCell, toSimplified } from './normalize.ts';
import { parseScoreCell } from './score-cell.ts';
import { type Expected, parsed, q, qual } from './test-helpers.ts';

describe('normalizeCell (PARSE-1)', () => {
  it.each([
    ['９５％', '95%'],
    ['＜５', '<5'],
    ['＞90％', '>90%'],
    ['≧95%', '≥95%'],
    ['≦5%', '≤5%'],
    ['═100%', '=100%'],
    ['﹦100%', '=100%'],
    ['＝100%', '=100%'],
    ['300 公 里', '300公里'],
    ['1 434', '1434'],
    ['1 434 户', '1434户'],
    ['≥ 95 %', '≥95%'],
    ['　有效保障　', '有效保障'],
    ['10～12月', '10~12月'],
    ['1200㎡', '1200平方米'],
    ['按时 完成', '按时完成'],
    ['ISO 9001', 'ISO 9001'],
    ['1，234', '1,234'],
    ['300萬元', '300万元'],
    ['60 畝', '60亩'],
    ['達標', '达标'],
    ['已實現', '已实现'],
    ['不低於90%', '不低于90%'],
    ['控制在5%以內', '控制在5%以内'],
  ])('%j → %j', (raw, normal) => expect(normalizeCell(raw)).toBe(normal));

  it('simplifies only the characters it knows, leaving the rest of the text as written', () => {
    expect(toSimplified('萬戶個噸項達實現標')).toBe('万户个吨项达实现标');
    expect(toSimplified('征收工作经费（万元）')).toBe('征收工作经费（万元）');
    expect(toSimplified('显著')).toBe('显著');
  });
});

/** Cells as real reports print them: separators, units in the cell, OCR signs, spaces, traditional characters. */
const REAL_CELLS: [string, Expected][] = [
  ['215,457.6', q('215457.6')],
  ['1，234', q('1234')],
  ['１，２３４户', q('1234', '户')],
  ['300万元', q('300', '万元')],
  ['259.45万元', q('259.45', '万元')],
  ['2,000元', q('2000', '元')],
  ['300萬元', q('300', '万元')],
  ['1,234.5 萬元', q('1234.5', '万元')],
  ['60畝', q('60', '亩')],
  ['120戶', q('120', '户')],
  ['5個', q('5', '个')],
  ['3噸', q('3', '吨')],
  ['4項', q('4', '项')],
  ['2萬人次', q('2', '万人次')],
  ['300 公 里', q('300', '公里')],
  ['100 %', q('100', '%')],
  ['1 000', q('1000')],
  ['≧95%', q('95', '%', 'gte')],
  ['≦5%', q('5', '%', 'lte')],
  ['═100%', q('100', '%', 'eq')],
  ['﹦100%', q('100', '%', 'eq')],
  ['＝100%', q('100', '%', 'eq')],
  ['不低於90%', q('90', '%', 'gte')],
  ['達標', qual('达标')],
  ['完成', qual('完成')],
  ['實現', qual('实现')],
];

describe('parseValue on cells as real reports print them (PARSE-1, PARSE-4)', () => {
  it.each(REAL_CELLS)('%j', (raw, expected) => expect(parsed(raw)).toEqual(expected));
});

describe('isNullCell (PARSE-2)', () => {
  it.each([
    '',
    '　',
    ' ',
    '—',
    '——',
    '–',
    '-',
    '－',
    '―',
    '/',
    '／',
    '\\',
    '无',
    '无。',
    '暂无',
    'N/A',
    'n/a',
    '……',
    '…',
    '...',
    '。。。',
    '一',
  ])('%j is null', (raw) => expect(isNullCell(raw)).toBe(true));

  it.each(['0', '1-2', '1/2', '无效', '有效', '-5', '/5', '无变化', '95%'])('%j is not null', (raw) =>
    expect(isNullCell(raw)).toBe(false),
  );
});

describe('isPlaceholderName (PARSE-2)', () => {
  it.each([
    ['……', true],
    ['...', true],
    ['', true],
    ['　', true],
    ['指标1', true],
    ['指标2', true],
    ['指标一', true],
    ['三级指标', true],
    ['XX', true],
    ['XXX', true],
    ['xx满意度', true],
    ['×××', true],
    ['＊＊', true],
    ['征收工作经费', false],
    ['指标完成率', false],
    ['X光机采购数量', false],
    ['项目前期私房摸底调查数量（户）', false],
  ])('%j → %j', (name, placeholder) => expect(isPlaceholderName(name)).toBe(placeholder));
});

describe('parseScoreCell', () => {
  it.each([
    ['5', '5', null],
    ['5分', '5', '分'],
    ['5 分', '5', '分'],
    ['7.3', '7.3', null],
    ['7.30', '7.3', null],
    ['　10', '10', null],
    ['１０', '10', null],
    ['', null, null],
    ['—', null, null],
    ['/', null, null],
    ['38万元', '38', '万元'],
    ['27.75', '27.75', null],
    ['1,200元', '1200', '元'],
    ['215,457.6', '215457.6', null],
    ['1，234', '1234', null],
    ['259.45 万元', '259.45', '万元'],
    ['300萬元', '300', '万元'],
    ['300万', '300', '万'],
    ['0.03亿元', '0.03', '亿元'],
    ['5千元', '5', '千元'],
    ['¥1,000', '1000', null],
    ['￥1,000元', '1000', '元'],
    ['1 000', '1000', null],
  ])('%j → %j', (raw, value, unit) => expect(parseScoreCell(raw)).toEqual({ ok: true, value, unit }));

  it.each([
    ['五分', '无法识别“五分”：应为数字'],
    ['5分分', '无法识别“5分分”：应为数字'],
    ['约5', '无法识别“约5”：应为数字'],
  ])('rejects %j', (raw, message) =>
    expect(parseScoreCell(raw)).toEqual({ ok: false, error: { code: 'MALFORMED_NUMBER', message, raw } }),
  );
});
