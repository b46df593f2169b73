import { describe, expect, it } from 'vitest';
import { describeParsedValue } from './describe.ts';
import { formatParsedValue } from './format.ts';
import type { ParseOptions } from './types.ts';
import { parseValue } from './value.ts';

describe('describeParsedValue', () => {
  it.each<[string, ParseOptions, string]>([
    ['≥95%', {}, '≥ 95 %（正向）'],
    ['95%', { comparatorColumn: '正向' }, '≥ 95 %（正向，取自指标性质栏）'],
    ['38万元以内', {}, '≤ 38 万元（反向）'],
    ['=100%', {}, '= 100 %（等于）'],
    ['1434户', {}, '1434 户'],
    ['1434', {}, '1434'],
    ['1/160', { unitHint: '场次/人数' }, '复合值 1 / 160（场次/人数）'],
    ['≥1/150', {}, '复合值 ≥ 1 / 150'],
    ['90%-95%', {}, '区间 90 ~ 95 %'],
    ['2022年12月底前', {}, '截止日期 2022年12月底'],
    ['2022年12月31日前', {}, '截止日期 2022年12月31日'],
    ['有效保障　', {}, '定性：有效保障'],
    ['——', {}, '空值'],
    ['95%%', {}, '无法识别“95%%”：百分号重复'],
  ])('%s → %s', (raw, options, description) => {
    expect(describeParsedValue(parseValue(raw, options))).toBe(description);
  });
});

describe('formatParsedValue', () => {
  it.each([
    ['≧ 95 ％', '≥95%'],
    ['不低于90%', '≥90%'],
    ['控制在38万元以内', '≤38万元'],
    ['1 场 / 160 人', '1场/160人'],
    ['10～12月', '10月-12月'],
    ['±10%', '±10%'],
    ['12月底之前完成', '12月底前'],
    ['有效保障。', '有效保障'],
    ['无', ''],
  ])('%s → %s', (raw, text) => {
    const result = parseValue(raw);
    expect(result.ok && formatParsedValue(result.value)).toBe(text);
  });
});
