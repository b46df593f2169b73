import { describe, expect, it } from 'vitest';
import { isNullCell, isPlaceholderName, normalizeCell } from './normalize.ts';
import { parseScoreCell } from './score-cell.ts';

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
  ])('%j → %j', (raw, normal) => expect(normalizeCell(raw)).toBe(normal));
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
  ])('%j → %j', (raw, value, unit) => expect(parseScoreCell(raw)).toEqual({ ok: true, value, unit }));

  it.each([
    ['五分', '无法识别“五分”：应为数字'],
    ['5分分', '无法识别“5分分”：应为数字'],
    ['约5', '无法识别“约5”：应为数字'],
  ])('rejects %j', (raw, message) =>
    expect(parseScoreCell(raw)).toEqual({ ok: false, error: { code: 'MALFORMED_NUMBER', message, raw } }),
  );
});
