import { type EvaluationForm, emptyForm, emptyIndicator, type FormChange, type IndicatorRow } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { diffForms, matchIndicatorRows } from './form-diff.ts';

const row = (name: string, overrides: Partial<IndicatorRow> = {}): IndicatorRow =>
  emptyIndicator({
    level1: 'output',
    level1Label: '产出指标',
    level2: 'quantity',
    level2Label: '数量指标',
    name,
    target: '100户',
    actual: '100户',
    weight: '10',
    statedScore: '10',
    ...overrides,
  });

const ROWS: IndicatorRow[] = [
  row('征收户数'),
  row('征收面积', { target: '1.2万平方米', actual: '1.2万平方米' }),
  row('工程质量合格率', { level2: 'quality', level2Label: '质量指标', target: '100%', actual: '100%' }),
  row('按期完成率', { level2: 'timeliness', level2Label: '时效指标', target: '≥95%', actual: '96%' }),
  row('群众满意度', {
    level1: 'satisfaction',
    level1Label: '满意度指标',
    level2: 'serviceSatisfaction',
    level2Label: '服务对象满意度指标',
    target: '≥90%',
    actual: '93%',
  }),
];

const form = (indicators: IndicatorRow[], edit: (form: EvaluationForm) => void = () => undefined): EvaluationForm => {
  const value: EvaluationForm = {
    ...emptyForm(),
    projectName: '征收工作经费',
    indicators,
    narrative: {
      title: '自评报告',
      sections: [
        { number: 1, heading: '项目概况', body: '本项目用于房屋征收工作。' },
        { number: 7, heading: '存在的问题及原因分析', body: '资金执行率偏低。' },
      ],
    },
  };
  edit(value);
  return value;
};

const without = (index: number) => ROWS.filter((_, at) => at !== index);
const swapped = (a: number, b: number) => ROWS.map((_, at) => ROWS[at === a ? b : at === b ? a : at] as IndicatorRow);

describe('diffForms', () => {
  it.each<[string, EvaluationForm, Partial<FormChange>[]]>([
    ['nothing changed', form(ROWS), []],
    [
      'a row deleted in the middle is one 删除, later rows do not shift',
      form(without(2)),
      [
        {
          kind: 'removed',
          path: 'indicators[2]',
          text: '删除三级指标“工程质量合格率”（产出指标 · 质量指标；年度指标值 100%；实际完成值 100%；分值 10；得分 10）',
        },
      ],
    ],
    [
      'a row moved is one 移动',
      form([ROWS[0], ROWS[2], ROWS[3], ROWS[1], ROWS[4]] as IndicatorRow[]),
      [{ kind: 'moved', path: 'indicators[3]', text: '三级指标“征收面积”：由第 2 行移至第 4 行' }],
    ],
    [
      'two neighbours swapped is one 移动',
      form(swapped(1, 2)),
      [{ kind: 'moved', path: 'indicators[2]', text: '三级指标“征收面积”：由第 2 行移至第 3 行' }],
    ],
    [
      'a target edited is one change naming the row',
      form(ROWS.map((item, at) => (at === 3 ? { ...item, target: '≥98%' } : item))),
      [{ kind: 'changed', path: 'indicators[3].target', text: '三级指标“按期完成率”：年度指标值 ≥95% → ≥98%' }],
    ],
    [
      'a row added',
      form([...ROWS.slice(0, 2), row('拆除面积', { target: '5000平方米', actual: '' }), ...ROWS.slice(2)]),
      [
        {
          kind: 'added',
          path: 'indicators[2]',
          text: '新增三级指标“拆除面积”（产出指标 · 数量指标；年度指标值 5000平方米；分值 10；得分 10）',
        },
      ],
    ],
    [
      'a level-1 change in the form’s words, not its keys',
      form(
        ROWS.map((item, at) =>
          at === 0
            ? { ...item, level1: 'outcome', level1Label: '效益指标', level2: 'economic', level2Label: '经济效益指标' }
            : item,
        ),
      ),
      [
        {
          kind: 'changed',
          path: 'indicators[0].level1Label',
          text: '三级指标“征收户数”：一级指标 产出指标 → 效益指标',
        },
        {
          kind: 'changed',
          path: 'indicators[0].level2Label',
          text: '三级指标“征收户数”：二级指标 数量指标 → 经济效益指标',
        },
      ],
    ],
    [
      'a row renamed slightly stays the same row',
      form(ROWS.map((item, at) => (at === 1 ? { ...item, name: '征收房屋面积' } : item))),
      [
        {
          kind: 'changed',
          path: 'indicators[1].name',
          text: '三级指标“征收面积”：三级指标名称 征收面积 → 征收房屋面积',
        },
      ],
    ],
    [
      'a row deleted, another edited: exactly those two',
      form(without(1).map((item) => (item.name === '群众满意度' ? { ...item, target: '≥95%' } : item))),
      [
        { kind: 'removed', path: 'indicators[1]', text: expect.stringMatching(/^删除三级指标“征收面积”/u) },
        { kind: 'changed', path: 'indicators[3].target', text: '三级指标“群众满意度”：年度指标值 ≥90% → ≥95%' },
      ],
    ],
    [
      'a narrative paragraph edited word by word',
      form(ROWS, (value) => {
        (value.narrative.sections[1] as { body: string }).body = '资金执行率偏低，主要原因是部分征收项目结算延至次年。';
      }),
      [
        {
          kind: 'changed',
          path: 'narrative.sections[1].body',
          text: '自评报告 · 七、存在的问题及原因分析：正文 增加“，主要原因是部分征收项目结算延至次年”',
          runs: [
            { op: 'equal', text: '资金执行率偏低' },
            { op: 'insert', text: '，主要原因是部分征收项目结算延至次年' },
            { op: 'equal', text: '。' },
          ],
        },
      ],
    ],
    [
      'a fund cell in its row and column names',
      form(ROWS, (value) => {
        value.funds.total.executed = '73.03';
      }),
      [
        {
          kind: 'changed',
          path: 'funds.total.executed',
          text: '资金 · 年度资金总额：全年执行数（万元） （空） → 73.03',
        },
      ],
    ],
  ])('%s', (_name, after, expected) => {
    expect(diffForms(form(ROWS), after)).toEqual(expected.map((item) => expect.objectContaining(item)));
  });

  it('gives a changed paragraph as runs of inserted and deleted text', () => {
    const after = form(ROWS, (value) => {
      (value.narrative.sections[0] as { body: string }).body = '本项目主要用于城区房屋征收工作。';
    });
    const [change] = diffForms(form(ROWS), after);
    expect(change?.runs).toEqual([
      { op: 'equal', text: '本项目' },
      { op: 'insert', text: '主要' },
      { op: 'equal', text: '用于' },
      { op: 'insert', text: '城区' },
      { op: 'equal', text: '房屋征收工作。' },
    ]);
    expect(change?.text).toBe('自评报告 · 一、项目概况：正文 增加“主要”；增加“城区”');
  });

  it('never shows an internal key or raw JSON', () => {
    const after = form([
      row('新指标', { level1: 'outcome', level1Label: '', level2: 'cost', level2Label: '' }),
      ...without(0),
    ]);
    const text = diffForms(form(ROWS), after)
      .map((change) => `${change.place}${change.field}${change.before}${change.after}${change.text}`)
      .join('\n');
    expect(text).not.toMatch(/[{}[\]"]|output|outcome|quantity|cost|level|indicators/u);
  });
});

describe('matchIndicatorRows', () => {
  it('pairs duplicate names in order and leaves an unlike row unmatched', () => {
    const before = [row('培训人次'), row('培训人次', { target: '200人次' }), row('设备采购')];
    const after = [
      row('培训人次'),
      row('培训人次', { target: '200人次' }),
      row('群众满意度', {
        level1: 'satisfaction',
        level1Label: '满意度指标',
        level2: 'serviceSatisfaction',
        level2Label: '服务对象满意度指标',
        target: '≥90%',
        actual: '93%',
      }),
    ];
    expect(matchIndicatorRows(before, after)).toEqual([
      { from: 0, to: 0 },
      { from: 1, to: 1 },
    ]);
  });
});
