import { describe, expect, it } from 'vitest';
import { reconcileUnits } from './reconcile.ts';
import type { ParsedValue } from './types.ts';
import { parseValue } from './value.ts';

const value = (raw: string, unitHint?: string): ParsedValue => {
  const result = parseValue(raw, unitHint ? { unitHint } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const quantities = (target: string, actual: string, unitHint?: string) => {
  const result = reconcileUnits(value(target, unitHint), value(actual, unitHint));
  if (!result.ok) return result;
  const pick = (v: ParsedValue) =>
    v.kind === 'quantity'
      ? v.quantity
      : v.kind === 'compound'
        ? v.parts
        : v.kind === 'range'
          ? [v.low, v.high]
          : v.kind;
  return { target: pick(result.target), actual: pick(result.actual), notes: result.notes };
};

describe('reconcileUnits', () => {
  it.each([
    // PARSE-5: a bare number ≤ 1 against a % target is a fraction
    ['95%', '1', { value: '95', unit: '%' }, { value: '100', unit: '%' }, ['实际完成值 1 按比例读作 100%']],
    ['≥95%', '0.95', { value: '95', unit: '%' }, { value: '95', unit: '%' }, ['实际完成值 0.95 按比例读作 95%']],
    ['1', '98%', { value: '100', unit: '%' }, { value: '98', unit: '%' }, ['年度指标值 1 按比例读作 100%']],
    ['95%', '98', { value: '95', unit: '%' }, { value: '98', unit: '%' }, []],
    ['100%', '100%', { value: '100', unit: '%' }, { value: '100', unit: '%' }, []],
    // one family converts exactly (PARSE-4)
    [
      '38万元',
      '275000元',
      { value: '38', unit: '万元' },
      { value: '27.5', unit: '万元' },
      ['实际完成值 275000元 换算为 27.5万元'],
    ],
    [
      '≤38万元',
      '0.002775亿元',
      { value: '38', unit: '万元' },
      { value: '27.75', unit: '万元' },
      ['实际完成值 0.002775亿元 换算为 27.75万元'],
    ],
    ['30天', '25日', { value: '30', unit: '天' }, { value: '25', unit: '天' }, ['计量单位“日”与“天”视为相同']],
    ['1434户', '1434', { value: '1434', unit: '户' }, { value: '1434', unit: '户' }, []],
    ['5‰', '0.4%', { value: '5', unit: '‰' }, { value: '4', unit: '‰' }, ['实际完成值 0.4% 换算为 4‰']],
  ])('%s against %s', (target, actual, t, a, notes) => {
    expect(quantities(target, actual)).toEqual({ target: t, actual: a, notes });
  });

  it('reads a bare actual as a fraction even when a % unit was only implied by the unit column', () => {
    expect(quantities('95', '1', '%')).toEqual({
      target: { value: '95', unit: '%', impliedUnit: true },
      actual: { value: '100', unit: '%' },
      notes: ['实际完成值 1 按比例读作 100%'],
    });
  });

  it('keeps a small percentage target as written', () => {
    expect(quantities('1%', '0.5')).toEqual({
      target: { value: '1', unit: '%' },
      actual: { value: '0.5', unit: '%' },
      notes: [],
    });
  });

  it('reconciles compound parts one by one, with synonyms', () => {
    expect(quantities('1场次/160人数', '1场/178人')).toEqual({
      target: [
        { value: '1', unit: '场次' },
        { value: '160', unit: '人数' },
      ],
      actual: [
        { value: '1', unit: '场次' },
        { value: '178', unit: '人数' },
      ],
      notes: ['计量单位“场”与“场次”视为相同', '计量单位“人”与“人数”视为相同'],
    });
  });

  it('reads a fraction against a percent range', () => {
    expect(quantities('90%-95%', '0.93')).toEqual({
      target: [
        { value: '90', unit: '%' },
        { value: '95', unit: '%' },
      ],
      actual: { value: '93', unit: '%' },
      notes: ['实际完成值 0.93 按比例读作 93%'],
    });
  });

  it.each([
    ['10户', '10万元', '年度指标值的单位“户”与实际完成值的单位“万元”不一致，无法比较'],
    ['95%', '95户', '年度指标值的单位“%”与实际完成值的单位“户”不一致，无法比较'],
    ['12个月', '300天', '年度指标值的单位“个月”与实际完成值的单位“天”不一致，无法比较'],
    ['1/160', '1场/2小时', '年度指标值的单位“人”与实际完成值的单位“小时”不一致，无法比较'],
  ])('refuses %s against %s', (target, actual, message) => {
    const hint = target === '1/160' ? '场/人' : undefined;
    expect(reconcileUnits(value(target, hint), value(actual, hint))).toEqual({
      ok: false,
      code: 'UNIT_MISMATCH',
      message,
    });
  });

  it('leaves pairs that are not a unit question unchanged', () => {
    const target = value('有效保障');
    const actual = value('1434户');
    expect(reconcileUnits(target, actual)).toEqual({ ok: true, target, actual, notes: [] });
  });
});
