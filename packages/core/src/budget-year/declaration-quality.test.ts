import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../rules/rule-sets.ts';
import type { DeclarationForm, DeclaredIndicator } from './declaration-form.ts';
import { emptyDeclaration, emptyDeclaredIndicator } from './declaration-form.ts';
import { checkDeclaration, type LastYearActual } from './declaration-quality.ts';

const ruleSet = requireRuleSet('national-2020');

/** A declaration that passes every check: 产出 50 (incl. 成本), 效益 30, 满意度 10 = 100 − 10 for execution. */
const good = (): DeclaredIndicator[] => [
  emptyDeclaredIndicator({
    level1: 'output',
    level2: 'quantity',
    name: '养护里程',
    comparator: '≥',
    target: '300',
    measureUnit: '公里',
    weight: '20',
  }),
  emptyDeclaredIndicator({
    level1: 'output',
    level2: 'timeliness',
    name: '完成时间',
    target: '2026年12月底前',
    weight: '10',
  }),
  emptyDeclaredIndicator({ level1: 'output', level2: 'cost', name: '每公里成本', target: '≤0.4万元', weight: '20' }),
  emptyDeclaredIndicator({ level1: 'outcome', level2: 'social', name: '通行条件', target: '明显改善', weight: '30' }),
  emptyDeclaredIndicator({
    level1: 'satisfaction',
    level2: 'serviceSatisfaction',
    name: '群众满意度',
    target: '≥90%',
    weight: '10',
  }),
];

const form = (indicators: DeclaredIndicator[]): DeclarationForm => ({
  ...emptyDeclaration(),
  fiscalYear: 2026,
  projectName: '农村道路养护',
  indicators,
});

const replace = (index: number, changes: Partial<DeclaredIndicator>): DeclaredIndicator[] =>
  good().map((row, at) => (at === index ? { ...row, ...changes } : row));

type Case = {
  name: string;
  indicators: DeclaredIndicator[];
  last?: LastYearActual[];
  expected: { code: string; severity: string; where: string; message: RegExp }[];
};

const cases: Case[] = [
  { name: 'a well-formed declaration', indicators: good(), expected: [] },
  {
    name: 'a named row without a target',
    indicators: replace(3, { target: '  ' }),
    expected: [
      {
        code: 'TARGET_MISSING',
        severity: 'error',
        where: 'indicators[3].target',
        message: /^第4行指标“通行条件”未填写年度指标值/u,
      },
    ],
  },
  {
    name: 'a qualitative 数量 target',
    indicators: replace(0, { target: '较上年有所增加', measureUnit: '' }),
    expected: [
      {
        code: 'TARGET_NOT_MEASURABLE',
        severity: 'warning',
        where: 'indicators[0].target',
        message: /第1行指标“养护里程”的年度指标值“较上年有所增加”为定性表述.*数量指标/u,
      },
    ],
  },
  {
    name: 'a qualitative 时效 target',
    indicators: replace(1, { target: '及时完成' }),
    expected: [
      {
        code: 'TARGET_NOT_MEASURABLE',
        severity: 'warning',
        where: 'indicators[1].target',
        message: /第2行指标“完成时间”.*时效指标应写明完成时限/u,
      },
    ],
  },
  {
    name: 'a qualitative 效益 target is not judged as unmeasurable',
    indicators: replace(3, { target: '有效改善' }),
    expected: [],
  },
  {
    name: 'no 成本指标 (a warning at declaration)',
    indicators: replace(2, { level2: 'quality', name: '养护质量', target: '≥95%' }),
    expected: [
      { code: 'COST_INDICATOR_MISSING', severity: 'warning', where: 'indicators', message: /产出指标下没有成本指标/u },
    ],
  },
  {
    name: 'block weights off the rule set though the total is right',
    indicators: replace(0, { weight: '30' }).map((row, at) => (at === 3 ? { ...row, weight: '20' } : row)),
    expected: [
      {
        code: 'DECLARED_WEIGHTS_OFF_BLOCKS',
        severity: 'error',
        where: 'indicators',
        message: /^产出指标分值合计 60\.00 分，规则应为 50\.00 分；效益指标分值合计 20\.00 分，规则应为 30\.00 分。$/u,
      },
    ],
  },
  {
    name: 'weights that miss the total by a hundredth (exact decimals)',
    indicators: replace(4, { weight: '9.99' }),
    expected: [
      {
        code: 'DECLARED_WEIGHTS_OFF_BLOCKS',
        severity: 'error',
        where: 'indicators',
        message: /满意度指标分值合计 9\.99 分.*各指标分值合计 89\.99 分，应为 90\.00 分/u,
      },
    ],
  },
  {
    name: 'weights written with a unit and decimals still add up',
    indicators: replace(0, { weight: '12.5分' }).map((row, at) => (at === 1 ? { ...row, weight: '17.50' } : row)),
    expected: [],
  },
  {
    name: 'a target below last year’s actual',
    indicators: good(),
    last: [{ name: '养护 里程', actual: '320公里' }],
    expected: [
      {
        code: 'TARGET_BELOW_LAST_ACTUAL',
        severity: 'warning',
        where: 'indicators[0].target',
        message: /第1行指标“养护里程”的年度指标值 300公里 低于上年实际完成值 320公里/u,
      },
    ],
  },
  {
    name: 'a target at or above last year’s actual',
    indicators: good(),
    last: [
      { name: '养护里程', actual: '300公里' },
      { name: '群众满意度', actual: '88%' },
    ],
    expected: [],
  },
  {
    name: 'a lower-is-better target below last year’s actual is an improvement',
    indicators: good(),
    last: [{ name: '每公里成本', actual: '0.5万元' }],
    expected: [],
  },
  {
    name: 'units that differ are not compared',
    indicators: good(),
    last: [{ name: '养护里程', actual: '320米' }],
    expected: [],
  },
  {
    name: 'a qualitative actual last year is not compared',
    indicators: good(),
    last: [{ name: '养护里程', actual: '全部完成' }],
    expected: [],
  },
];

describe('checkDeclaration', () => {
  it.each(cases)('$name', ({ indicators, last, expected }) => {
    const findings = checkDeclaration(form(indicators), ruleSet, last ?? []);
    expect(findings.map(({ code, severity, where }) => ({ code, severity, where }))).toEqual(
      expected.map(({ code, severity, where }) => ({ code, severity, where })),
    );
    findings.forEach((item, index) => {
      expect(item.message).toMatch(expected[index]?.message ?? /^$/u);
      expect(item.rule).toBe(`AUDIT-${item.code}`);
    });
  });

  it('says nothing about weights of an empty form but asks for the cost indicator', () => {
    expect(checkDeclaration(form([]), ruleSet, []).map((item) => item.code)).toEqual(['COST_INDICATOR_MISSING']);
  });

  it('ignores unnamed template rows for targets', () => {
    const rows = [...good(), emptyDeclaredIndicator({ level1: 'output', level2: 'quantity' })];
    expect(checkDeclaration(form(rows), ruleSet, [])).toEqual([]);
  });
});
