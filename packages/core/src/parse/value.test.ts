import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeParsedValue } from './describe.ts';
import { isNullCell, isPlaceholderName, normalizeCell } from './normalize.ts';
import { reconcileUnits } from './reconcile.ts';
import type { ParsedValue } from './types.ts';
import { unitFromName } from './units.ts';
import { parseScoreCell, parseValue } from './value.ts';

type Expected =
  | ['null']
  | ['quantity', comparator: string | null, value: string, unit: string | null]
  | ['compound', comparator: string | null, values: string[], units: (string | null)[]]
  | ['range', low: string, high: string, unit: string | null]
  | ['deadline', year: number | null, month: number, day: number | null]
  | ['qualitative', text: string]
  | ['error', code: string];

const shape = (raw: string, options: Parameters<typeof parseValue>[1] = {}): Expected => {
  const result = parseValue(raw, options);
  if (!result.ok) return ['error', result.error.code];
  const value: ParsedValue = result.value;
  switch (value.kind) {
    case 'null':
      return ['null'];
    case 'quantity':
      return ['quantity', value.comparator, value.quantity.value, value.quantity.unit];
    case 'compound':
      return [
        'compound',
        value.comparator,
        value.parts.map((part) => part.value),
        value.parts.map((part) => part.unit),
      ];
    case 'range':
      return ['range', value.low.value, value.high.value, value.low.unit];
    case 'deadline':
      return ['deadline', value.date.year, value.date.month, value.date.day];
    case 'qualitative':
      return ['qualitative', value.text];
  }
};

/** Cells as they appear in published 自评表 from several provinces. */
const CASES: [string, Expected][] = [
  ['1434', ['quantity', null, '1434', null]],
  [' 1434 ', ['quantity', null, '1434', null]],
  ['1,434', ['quantity', null, '1434', null]],
  ['1 434', ['quantity', null, '1434', null]],
  ['１４３４', ['quantity', null, '1434', null]],
  ['1434户', ['quantity', null, '1434', '户']],
  ['15个', ['quantity', null, '15', '个']],
  ['27.75', ['quantity', null, '27.75', null]],
  ['27.750', ['quantity', null, '27.75', null]],
  ['.5', ['quantity', null, '0.5', null]],
  ['0', ['quantity', null, '0', null]],
  ['0起', ['quantity', null, '0', '起']],
  ['100%', ['quantity', null, '100', '%']],
  ['95%', ['quantity', null, '95', '%']],
  ['９５％', ['quantity', null, '95', '%']],
  ['95 %', ['quantity', null, '95', '%']],
  ['95百分比', ['quantity', null, '95', '%']],
  ['≥95%', ['quantity', 'gte', '95', '%']],
  ['≧95%', ['quantity', 'gte', '95', '%']],
  ['≥ 95 %', ['quantity', 'gte', '95', '%']],
  ['>=90%', ['quantity', 'gte', '90', '%']],
  ['>90%', ['quantity', 'gte', '90', '%']],
  ['＞90％', ['quantity', 'gte', '90', '%']],
  ['≤5%', ['quantity', 'lte', '5', '%']],
  ['≦5%', ['quantity', 'lte', '5', '%']],
  ['<5%', ['quantity', 'lte', '5', '%']],
  ['≤0.5%', ['quantity', 'lte', '0.5', '%']],
  ['=100%', ['quantity', 'eq', '100', '%']],
  ['﹦100%', ['quantity', 'eq', '100', '%']],
  ['═100%', ['quantity', 'eq', '100', '%']],
  ['＝100%', ['quantity', 'eq', '100', '%']],
  ['等于100%', ['quantity', 'eq', '100', '%']],
  ['不低于90%', ['quantity', 'gte', '90', '%']],
  ['不少于1434户', ['quantity', 'gte', '1434', '户']],
  ['至少3次', ['quantity', 'gte', '3', '次']],
  ['大于等于85%', ['quantity', 'gte', '85', '%']],
  ['达到95%', ['quantity', 'gte', '95', '%']],
  ['98%以上', ['quantity', 'gte', '98', '%']],
  ['98%及以上', ['quantity', 'gte', '98', '%']],
  ['不超过38万元', ['quantity', 'lte', '38', '万元']],
  ['不高于5%', ['quantity', 'lte', '5', '%']],
  ['控制在38万元以内', ['quantity', 'lte', '38', '万元']],
  ['38万元以内', ['quantity', 'lte', '38', '万元']],
  ['5天以内', ['quantity', 'lte', '5', '天']],
  ['3%以下', ['quantity', 'lte', '3', '%']],
  ['小于等于2次', ['quantity', 'lte', '2', '次']],
  ['低于1%', ['quantity', 'lte', '1', '%']],
  ['300 公 里', ['quantity', null, '300', '公里']],
  ['1200平方米', ['quantity', null, '1200', '平方米']],
  ['5000人次', ['quantity', null, '5000', '人次']],
  ['12场次', ['quantity', null, '12', '场次']],
  ['1.5亿元', ['quantity', null, '1.5', '亿元']],
  ['20天', ['quantity', null, '20', '天']],
  ['1/160', ['compound', null, ['1', '160'], [null, null]]],
  ['80/92/8', ['compound', null, ['80', '92', '8'], [null, null, null]]],
  ['1场/160人', ['compound', null, ['1', '160'], ['场', '人']]],
  ['≥1/150', ['compound', 'gte', ['1', '150'], [null, null]]],
  ['95%/100%', ['compound', null, ['95', '100'], ['%', '%']]],
  ['10-12月', ['range', '10', '12', '月']],
  ['10～12月', ['range', '10', '12', '月']],
  ['90%-95%', ['range', '90', '95', '%']],
  ['90%~95%', ['range', '90', '95', '%']],
  ['3至5次', ['range', '3', '5', '次']],
  ['±10%', ['range', '-10', '10', '%']],
  ['2022年12月底前', ['deadline', 2022, 12, null]],
  ['2022年12月31日前', ['deadline', 2022, 12, 31]],
  ['12月底之前完成', ['deadline', null, 12, null]],
  ['6月30日以前', ['deadline', null, 6, 30]],
  ['2022年11月', ['deadline', 2022, 11, null]],
  ['12月底', ['deadline', null, 12, null]],
  ['有效保障', ['qualitative', '有效保障']],
  ['有效保障　', ['qualitative', '有效保障']],
  ['有效', ['qualitative', '有效']],
  ['达到预期', ['qualitative', '达到预期']],
  ['明显提升', ['qualitative', '明显提升']],
  ['效果明显。', ['qualitative', '效果明显']],
  ['按时完成', ['qualitative', '按时完成']],
  ['在计划时间内完成', ['qualitative', '在计划时间内完成']],
  ['优', ['qualitative', '优']],
  ['良', ['qualitative', '良']],
  ['中', ['qualitative', '中']],
  ['差', ['qualitative', '差']],
  ['完成1434户调查摸底工作', ['qualitative', '完成1434户调查摸底工作']],
  ['', ['null']],
  ['　', ['null']],
  ['无', ['null']],
  ['暂无', ['null']],
  ['—', ['null']],
  ['——', ['null']],
  ['–', ['null']],
  ['-', ['null']],
  ['/', ['null']],
  ['……', ['null']],
  ['...', ['null']],
  ['N/A', ['null']],
  ['95%%', ['error', 'MALFORMED_NUMBER']],
  ['9.5.3', ['error', 'MALFORMED_NUMBER']],
  ['1434--', ['error', 'MALFORMED_NUMBER']],
  ['三个', ['error', 'CHINESE_NUMERAL']],
  ['十五户', ['error', 'CHINESE_NUMERAL']],
  ['≥九成', ['error', 'CHINESE_NUMERAL']],
  ['2022年13月底前', ['error', 'UNPARSEABLE_VALUE']],
];

describe('parseValue over real-looking cells', () => {
  it('has at least 80 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(80));

  it.each(CASES)('%j', (raw, expected) => {
    expect(shape(raw)).toEqual(expected);
  });

  it.each([
    ['38', { unitHint: '万元' }, ['quantity', null, '38', '万元']],
    ['1/160', { unitHint: '场次/人数' }, ['compound', null, ['1', '160'], ['场次', '人数']]],
    ['10', { comparatorColumn: '反向' }, ['quantity', 'lte', '10', null]],
    ['≥10', { comparatorColumn: '反向指标' }, ['quantity', 'lte', '10', null]],
    ['95%', { comparatorColumn: '正向' }, ['quantity', 'gte', '95', '%']],
    ['100%', { comparatorColumn: '=' }, ['quantity', 'eq', '100', '%']],
    ['有效', { comparatorColumn: '定性' }, ['qualitative', '有效']],
  ] as const)('%s with %j', (raw, options, expected) => {
    expect(shape(raw, options)).toEqual(expected);
  });

  it('records where a comparator came from', () => {
    const fromColumn = parseValue('10', { comparatorColumn: '反向' });
    const fromText = parseValue('≤10');
    expect(fromColumn.ok && fromColumn.value.kind === 'quantity' && fromColumn.value.comparatorSource).toBe('column');
    expect(fromText.ok && fromText.value.kind === 'quantity' && fromText.value.comparatorSource).toBe('text');
  });

  it('quotes the text in Chinese when it cannot read it', () => {
    const result = parseValue('95%%');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('无法识别“95%%”：百分号重复');
  });
});

describe('cells and names', () => {
  it.each([
    ['5', '5'],
    ['5分', '5'],
    ['7.3', '7.3'],
    ['　10', '10'],
    ['', null],
    ['—', null],
    ['38万元', '38'],
  ])('parseScoreCell(%j) = %j', (raw, value) => {
    expect(parseScoreCell(raw)).toEqual({ ok: true, value });
  });

  it('rejects a score that is not a number', () => {
    expect(parseScoreCell('五分').ok).toBe(false);
  });

  it.each([
    ['征收工作经费（万元）', '万元'],
    ['项目前期单位产摸底调查数量（个）', '个'],
    ['组织征收工作人员业务培训（场次/人数）', '场次/人数'],
    ['提供法律意见/相关文书及合同审查修改/诉讼案件办理（次/次/件）', '次/次/件'],
    ['满意度(%)', '%'],
    ['确保征收项目稳步推进（含前期调查摸底工作）', null],
    ['被摸底调查对象满意度', null],
  ])('unitFromName(%j) = %j', (name, unit) => {
    expect(unitFromName(name)).toBe(unit);
  });

  it.each([
    ['……', true],
    ['', true],
    ['指标1', true],
    ['XX', true],
    ['×××', true],
    ['征收工作经费', false],
    ['指标完成率', false],
  ])('isPlaceholderName(%j) = %j', (name, placeholder) => expect(isPlaceholderName(name)).toBe(placeholder));

  it('treats - and / as null only when they fill the cell', () => {
    expect(isNullCell('-')).toBe(true);
    expect(isNullCell('1-2')).toBe(false);
    expect(isNullCell('/')).toBe(true);
    expect(isNullCell('1/2')).toBe(false);
  });
});

describe('reconcileUnits', () => {
  const value = (raw: string, unitHint?: string) => {
    const result = parseValue(raw, unitHint ? { unitHint } : {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('reads a bare number ≤ 1 against a % target as a fraction (PARSE-5)', () => {
    const result = reconcileUnits(value('95%'), value('1'));
    expect(result.ok && result.actual.kind === 'quantity' && result.actual.quantity).toEqual({
      value: '100',
      unit: '%',
    });
    expect(result.ok && result.notes[0]).toContain('按比例读作 100%');
  });

  it('converts within a family exactly', () => {
    const result = reconcileUnits(value('38万元'), value('275000元'));
    expect(result.ok && result.actual.kind === 'quantity' && result.actual.quantity).toEqual({
      value: '27.5',
      unit: '万元',
    });
  });

  it('refuses units of different families', () => {
    expect(reconcileUnits(value('10户'), value('10万元'))).toMatchObject({ ok: false, code: 'UNIT_MISMATCH' });
  });
});

describe('parser properties', () => {
  it('never throws and always answers, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const result = parseValue(raw);
        expect(typeof result.ok).toBe('boolean');
        expect(describeParsedValue(result).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads comparator + number + unit built from the grammar', () => {
    const comparator = fc.constantFrom(
      ['', null],
      ['≥', 'gte'],
      ['≤', 'lte'],
      ['=', 'eq'],
      ['不低于', 'gte'],
      ['不超过', 'lte'],
    );
    const unit = fc.constantFrom('', '%', '户', '万元', '人次', '个');
    const number = fc
      .tuple(fc.nat(99999), fc.option(fc.nat(99)))
      .map(([whole, fraction]) =>
        fraction === null ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(comparator, number, unit, ([sign, expected], n, u) => {
        const result = parseValue(`${sign}${n}${u}`);
        expect(result.ok).toBe(true);
        if (result.ok && result.value.kind === 'quantity') {
          expect(result.value.comparator).toBe(expected);
          expect(Number(result.value.quantity.value)).toBe(Number(n));
          expect(result.value.quantity.unit).toBe(u === '' ? null : u);
        } else {
          expect.fail(`${sign}${n}${u} did not parse as a quantity`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        expect(normalizeCell(normalizeCell(raw))).toBe(normalizeCell(raw));
      }),
    );
  });
});
