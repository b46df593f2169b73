import { describe, expect, it } from 'vitest';
import { compound, deadline, type Expected, fails, NULL, parsed, q, qual, range } from './test-helpers.ts';
import { parseValue } from './value.ts';

const FROM_HINT = (unit: string) => `计量单位取自指标名称或计量单位栏：${unit}`;
const implied = <T extends { quantity: { value: string; unit: string | null } }>(value: T): T => ({
  ...value,
  quantity: { ...value.quantity, impliedUnit: true },
});

/** Target and actual cells as they appear in published 自评表 from several provinces. */
const CASES: [string, Expected][] = [
  // plain numbers and units (PARSE-1, PARSE-4)
  ['1434', q('1434')],
  [' 1434 ', q('1434')],
  ['1,434', q('1434')],
  ['1 434', q('1434')],
  ['１４３４', q('1434')],
  ['１，４３４户', q('1434', '户')],
  ['1434户', q('1434', '户')],
  ['15个', q('15', '个')],
  ['27.75', q('27.75')],
  ['27.750', q('27.75')],
  ['95.50', q('95.5')],
  ['.5', q('0.5')],
  ['007', q('7')],
  ['0', q('0')],
  ['0起', q('0', '起')],
  ['1', q('1')],
  ['0.95', q('0.95')],
  ['38万元', q('38', '万元')],
  ['27.75 万元', q('27.75', '万元')],
  ['1.5亿元', q('1.5', '亿元')],
  ['275000元', q('275000', '元')],
  ['300 公 里', q('300', '公里')],
  ['1200平方米', q('1200', '平方米')],
  ['1200㎡', q('1200', '平方米')],
  ['5000人次', q('5000', '人次')],
  ['12场次', q('12', '场次')],
  ['20天', q('20', '天')],
  ['12个月', q('12', '个月')],
  ['3篇', q('3', '篇')],
  ['2台', q('2', '台')],
  ['160人', q('160', '人')],
  ['8小时', q('8', '小时')],
  ['4批次', q('4', '批次')],
  ['50亩', q('50', '亩')],
  ['2万户', q('2', '万户')],
  ['15个项目', q('15', '个', null, ['“15个项目”读作 15个'])],
  // percent forms (PARSE-5)
  ['100%', q('100', '%')],
  ['95%', q('95', '%')],
  ['９５％', q('95', '%')],
  ['95 %', q('95', '%')],
  ['95百分比', q('95', '%')],
  ['2个百分点', q('2', '%')],
  ['5‰', q('5', '‰')],
  // comparators in signs (PARSE-3)
  ['≥95%', q('95', '%', 'gte')],
  ['≧95%', q('95', '%', 'gte')],
  ['≥ 95 %', q('95', '%', 'gte')],
  ['≥９５％', q('95', '%', 'gte')],
  ['>=90%', q('90', '%', 'gte')],
  ['>90%', q('90', '%', 'gte', ['严格比较“>90%”按≥计分'])],
  ['＞90％', q('90', '%', 'gte', ['严格比较“>90%”按≥计分'])],
  ['≤5%', q('5', '%', 'lte')],
  ['≦5%', q('5', '%', 'lte')],
  ['<5%', q('5', '%', 'lte', ['严格比较“<5%”按≤计分'])],
  ['≤0.5%', q('0.5', '%', 'lte')],
  ['≤38万元', q('38', '万元', 'lte')],
  ['=100%', q('100', '%', 'eq')],
  ['﹦100%', q('100', '%', 'eq')],
  ['═100%', q('100', '%', 'eq')],
  ['＝100%', q('100', '%', 'eq')],
  ['=0起', q('0', '起', 'eq')],
  // comparators in words
  ['等于100%', q('100', '%', 'eq')],
  ['不低于90%', q('90', '%', 'gte')],
  ['不少于1434户', q('1434', '户', 'gte')],
  ['至少3次', q('3', '次', 'gte')],
  ['大于等于85%', q('85', '%', 'gte')],
  ['大于80%', q('80', '%', 'gte', ['严格比较“大于80%”按≥计分'])],
  ['达到95%', q('95', '%', 'gte')],
  ['98%以上', q('98', '%', 'gte')],
  ['98%及以上', q('98', '%', 'gte')],
  ['90分以上', q('90', '分', 'gte')],
  ['不超过38万元', q('38', '万元', 'lte')],
  ['不高于5%', q('5', '%', 'lte')],
  ['不大于3天', q('3', '天', 'lte')],
  ['控制在38万元以内', q('38', '万元', 'lte')],
  ['控制在预算内', qual('控制在预算内')],
  ['38万元以内', q('38', '万元', 'lte')],
  ['5天以内', q('5', '天', 'lte')],
  ['3%以下', q('3', '%', 'lte')],
  ['小于等于2次', q('2', '次', 'lte')],
  ['低于1%', q('1', '%', 'lte', ['严格比较“低于1%”按≤计分'])],
  ['小于1%', q('1', '%', 'lte', ['严格比较“小于1%”按≤计分'])],
  // compounds (PARSE-6)
  [
    '1/160',
    compound([
      ['1', null],
      ['160', null],
    ]),
  ],
  [
    '80/92/8',
    compound([
      ['80', null],
      ['92', null],
      ['8', null],
    ]),
  ],
  [
    '1/178',
    compound([
      ['1', null],
      ['178', null],
    ]),
  ],
  [
    '1场/160人',
    compound([
      ['1', '场'],
      ['160', '人'],
    ]),
  ],
  [
    '1 场 / 160 人',
    compound([
      ['1', '场'],
      ['160', '人'],
    ]),
  ],
  [
    '≥1/150',
    compound(
      [
        ['1', null],
        ['150', null],
      ],
      'gte',
    ),
  ],
  [
    '95%/100%',
    compound([
      ['95', '%'],
      ['100', '%'],
    ]),
  ],
  [
    '1/160以上',
    compound(
      [
        ['1', null],
        ['160', null],
      ],
      'gte',
    ),
  ],
  // ranges (PARSE-7)
  ['10-12月', range('10', '12', '月')],
  ['10～12月', range('10', '12', '月')],
  ['10〜12月', range('10', '12', '月')],
  ['90%-95%', range('90', '95', '%')],
  ['90%~95%', range('90', '95', '%')],
  ['90–95%', range('90', '95', '%')],
  ['3至5次', range('3', '5', '次')],
  ['12-10', range('10', '12', null)],
  ['±10%', range('-10', '10', '%', ['±10 读作区间 -10 ~ 10'])],
  // deadlines (PARSE-7)
  ['2022年12月底前', deadline(2022, 12, null)],
  ['2022年12月31日前', deadline(2022, 12, 31)],
  ['2022年12月31日之前', deadline(2022, 12, 31)],
  ['12月底之前完成', deadline(null, 12, null)],
  ['12月底前', deadline(null, 12, null)],
  ['6月30日以前', deadline(null, 6, 30)],
  ['2022年6月底前完成', deadline(2022, 6, null)],
  ['2022年底前', deadline(2022, 12, null)],
  ['年底前完成', deadline(null, 12, null)],
  ['上半年完成', deadline(null, 6, 30, ['上半年读作6月30日前'])],
  ['2022-12-31前', deadline(2022, 12, 31)],
  ['2022/12/31', deadline(2022, 12, 31)],
  ['2022.12.31', deadline(2022, 12, 31)],
  ['2022年11月', deadline(2022, 11, null, ['日期读作完成时限'])],
  ['11月中旬', deadline(null, 11, 20, ['“中旬”读作20日前'])],
  ['12月底', deadline(null, 12, null)],
  ['2022年', deadline(2022, 12, null, ['年份读作当年年底前'])],
  ['≤2022年12月', deadline(2022, 12, null, ['日期读作完成时限'])],
  ['2022年度', deadline(2022, 12, null, ['年份读作当年年底前'])],
  ['2022年12月底前完成并验收', deadline(2022, 12, null, ['“2022年12月底前完成并验收”读作截止日期'])],
  ['2022年12月底前未完成', qual('2022年12月底前未完成')],
  ['2022-2023', range('2022', '2023', null)],
  ['2022年13月底前', fails('UNPARSEABLE_VALUE')],
  ['2月30日前', fails('UNPARSEABLE_VALUE')],
  // qualitative (PARSE-8)
  ['有效保障', qual('有效保障')],
  ['有效保障　', qual('有效保障')],
  ['有效', qual('有效')],
  ['达到预期', qual('达到预期')],
  ['达到预期目标', qual('达到预期目标')],
  ['明显提升', qual('明显提升')],
  ['效果明显。', qual('效果明显')],
  ['按时完成', qual('按时完成')],
  ['在计划时间内完成', qual('在计划时间内完成')],
  ['年内完成', qual('年内完成')],
  ['一般', qual('一般')],
  ['十分满意', qual('十分满意')],
  ['优', qual('优')],
  ['良', qual('良')],
  ['中', qual('中')],
  ['差', qual('差')],
  ['合规；', qual('合规')],
  ['确保全区征收项目稳步推进', qual('确保全区征收项目稳步推进')],
  // short phrases with one figure are read, others stay qualitative
  ['完成1434户调查摸底工作', q('1434', '户', null, ['从文字“完成1434户调查摸底工作”中读取数值 1434户'])],
  ['群众满意度达到95%以上', q('95', '%', 'gte', ['从文字“群众满意度达到95%以上”中读取数值 95%'])],
  ['培训不少于1场', q('1', '场', 'gte', ['从文字“培训不少于1场”中读取数值 1场'])],
  ['未完成1434户', qual('未完成1434户')],
  ['100%完成', q('100', '%', null, ['从文字“100%完成”中读取数值 100%'])],
  ['合格率100%', q('100', '%', null, ['从文字“合格率100%”中读取数值 100%'])],
  ['≥95%（抽查）', q('95', '%', 'gte', ['从文字“≥95%(抽查)”中读取数值 95%'])],
  ['1次/月', q('1', '次', null, ['从文字“1次/月”中读取数值 1次'])],
  ['较上年提高5%', qual('较上年提高5%')],
  ['高于同期水平5%', qual('高于同期水平5%')],
  ['7×24小时', qual('7×24小时')],
  ['完成15个项目1434户的前期调查摸底', qual('完成15个项目1434户的前期调查摸底')],
  [
    '年内完成项目前期私房摸底调查1434户，单位产摸底调查15个，确保全区征收项目稳步推进。',
    qual('年内完成项目前期私房摸底调查1434户,单位产摸底调查15个,确保全区征收项目稳步推进'),
  ],
  ['符合ISO9001标准', qual('符合ISO9001标准')],
  // null markers (PARSE-2)
  ['', NULL],
  ['　', NULL],
  ['无', NULL],
  ['无。', NULL],
  ['暂无', NULL],
  ['—', NULL],
  ['——', NULL],
  ['–', NULL],
  ['-', NULL],
  ['－', NULL],
  ['/', NULL],
  ['／', NULL],
  ['……', NULL],
  ['...', NULL],
  ['。。。', NULL],
  ['N/A', NULL],
  ['一', NULL],
  // errors, quoted in Chinese
  ['95%%', fails('MALFORMED_NUMBER')],
  ['9.5.3', fails('MALFORMED_NUMBER')],
  ['1434--', fails('MALFORMED_NUMBER')],
  ['1,43,4', fails('MALFORMED_NUMBER')],
  ['-5%', fails('MALFORMED_NUMBER')],
  ['≥-1', fails('MALFORMED_NUMBER')],
  ['+5%', fails('MALFORMED_NUMBER')],
  ['零', fails('CHINESE_NUMERAL')],
  ['≥95%%', fails('MALFORMED_NUMBER')],
  ['三个', fails('CHINESE_NUMERAL')],
  ['十五户', fails('CHINESE_NUMERAL')],
  ['≥九成', fails('CHINESE_NUMERAL')],
  ['百分之九十五', fails('CHINESE_NUMERAL')],
  ['两场', fails('CHINESE_NUMERAL')],
  ['〃', fails('UNPARSEABLE_VALUE')],
  ['同上', fails('UNPARSEABLE_VALUE')],
  ['≥约95', fails('UNPARSEABLE_VALUE')],
];

describe('parseValue over real-looking cells', () => {
  it('has at least 100 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(100));

  it.each(CASES)('%j', (raw, expected) => {
    expect(parsed(raw)).toEqual(expected);
  });
});

describe('parseValue with the row’s columns', () => {
  const fromColumn = <T extends { comparatorSource: unknown }>(value: T): T => ({
    ...value,
    comparatorSource: 'column',
  });

  it.each<[string, Parameters<typeof parseValue>[1], Expected]>([
    ['38', { unitHint: '万元' }, implied(q('38', '万元', null, [FROM_HINT('万元')]))],
    ['38万元', { unitHint: '万元' }, q('38', '万元')],
    ['95', { unitHint: '百分比' }, implied(q('95', '%', null, [FROM_HINT('%')]))],
    ['≥95', { unitHint: '%' }, implied(q('95', '%', 'gte', [FROM_HINT('%')]))],
    [
      '90-95',
      { unitHint: '%' },
      {
        ...range('90', '95', '%', [FROM_HINT('%')]),
        low: { value: '90', unit: '%', impliedUnit: true },
        high: { value: '95', unit: '%', impliedUnit: true },
      },
    ],
    [
      '1/160',
      { unitHint: '场次/人数' },
      {
        ...compound([]),
        parts: [
          { value: '1', unit: '场次', impliedUnit: true },
          { value: '160', unit: '人数', impliedUnit: true },
        ],
        notes: [FROM_HINT('场次'), FROM_HINT('人数')],
      },
    ],
    [
      '1场/160',
      { unitHint: '场次/人数' },
      {
        ...compound([]),
        parts: [
          { value: '1', unit: '场' },
          { value: '160', unit: '人数', impliedUnit: true },
        ],
        notes: [FROM_HINT('人数')],
      },
    ],
    [
      '1/160',
      { unitHint: '人' },
      compound([
        ['1', null],
        ['160', null],
      ]),
    ],
    ['10', { comparatorColumn: '反向' }, fromColumn(q('10', null, 'lte'))],
    ['10', { comparatorColumn: '反向指标' }, fromColumn(q('10', null, 'lte'))],
    ['10', { comparatorColumn: '越小越好' }, fromColumn(q('10', null, 'lte'))],
    ['10', { comparatorColumn: '≤' }, fromColumn(q('10', null, 'lte'))],
    [
      '≥10',
      { comparatorColumn: '反向指标' },
      fromColumn(q('10', null, 'lte', ['采用指标性质栏“反向指标”，不采用文字中的比较方向'])),
    ],
    ['95%', { comparatorColumn: '正向' }, fromColumn(q('95', '%', 'gte'))],
    ['95%', { comparatorColumn: '正向指标' }, fromColumn(q('95', '%', 'gte'))],
    ['95%', { comparatorColumn: '越大越好' }, fromColumn(q('95', '%', 'gte'))],
    ['>95%', { comparatorColumn: '正向' }, fromColumn(q('95', '%', 'gte'))],
    ['100%', { comparatorColumn: '=' }, fromColumn(q('100', '%', 'eq'))],
    ['100%', { comparatorColumn: '等于' }, fromColumn(q('100', '%', 'eq'))],
    [
      '1/160',
      { comparatorColumn: '正向' },
      fromColumn(
        compound(
          [
            ['1', null],
            ['160', null],
          ],
          'gte',
        ),
      ),
    ],
    ['有效', { comparatorColumn: '定性' }, qual('有效')],
    ['95%', { comparatorColumn: '定量' }, q('95', '%')],
  ])('%s with %j', (raw, options, expected) => {
    expect(parsed(raw, options)).toEqual(expected);
  });
});

describe('parse error messages', () => {
  it.each([
    ['95%%', '无法识别“95%%”：百分号重复'],
    ['9.5.3', '无法识别“9.5.3”：小数点重复'],
    ['-5%', '无法识别“-5%”：指标值不能为负数'],
    ['三个', '无法识别“三个”：数值请用阿拉伯数字填写（如“3个”）'],
    ['2022年13月底前', '无法识别“2022年13月底前”：月份“13”不合法'],
    ['2月30日前', '无法识别“2月30日前”：2月没有30日'],
    ['〃', '无法识别“〃”：“同上”类写法无法计分，请填写具体值'],
  ])('%s → %s', (raw, message) => {
    const result = parseValue(raw);
    expect(result).toEqual({ ok: false, error: { code: expect.any(String), message, raw } });
  });

  it('keeps the raw text of every value for display', () => {
    const result = parseValue(' ≥９５％ ');
    expect(result.ok && result.value.raw).toBe(' ≥９５％ ');
  });
});
