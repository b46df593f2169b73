import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyIndicator, type IndicatorRow } from '../model/form.ts';
import { findRuleSet } from '../rules/rule-sets.ts';
import type { RuleSet } from '../rules/schema.ts';
import { scoreIndicator } from './indicator.ts';

const national = findRuleSet('national-2020') as RuleSet;
const yitihua = findRuleSet('yitihua-2022') as RuleSet;

const score = (row: Partial<IndicatorRow>, ruleSet: RuleSet = national) =>
  scoreIndicator(
    emptyIndicator({ level1: 'output', level2: 'quantity', name: '完成数量', weight: '5', ...row }),
    0,
    ruleSet,
    'test@1',
  );

describe('scoreIndicator: the worked examples of rules.md §5–6', () => {
  it.each([
    ['QUANT-POS-1 met', { target: '1434', actual: '1434' }, 5, 'QUANT-POS-1'],
    ['QUANT-POS-1 short', { target: '1434', actual: '1200' }, 4.18, 'QUANT-POS-1'],
    [
      'QUANT-POS-1 with a unit in the name',
      { name: '调查数量（户）', target: '1434户', actual: '1200' },
      4.18,
      'QUANT-POS-1',
    ],
    ['QUANT-POS-1 target 0', { target: '0', actual: '3' }, 5, 'QUANT-POS-1'],
    [
      'QUANT-NEG-1 under budget',
      { level2: 'cost', name: '经费（万元）', target: '38', actual: '27.75' },
      5,
      'QUANT-NEG-1',
    ],
    [
      'QUANT-NEG-1 over budget',
      { level2: 'cost', name: '经费（万元）', target: '38', actual: '45' },
      4.08,
      'QUANT-NEG-1',
    ],
    ['QUANT-NEG-1 at twice the target', { level2: 'cost', target: '38', actual: '76' }, 0, 'QUANT-NEG-1'],
    ['QUANT-NEG-1 written ≤', { target: '≤5%', actual: '6%' }, 4, 'QUANT-NEG-1'],
    ['QUANT-EQ-1 =100% scored as ≥', { target: '=100%', actual: '98%' }, 4.9, 'QUANT-EQ-1'],
    ['QUANT-ZERO-1 zero met', { name: '安全事件发生数', target: '0起', actual: '0起' }, 5, 'QUANT-ZERO-1'],
    ['QUANT-ZERO-1 zero missed', { name: '安全事件发生数', target: '0起', actual: '1起' }, 0, 'QUANT-ZERO-1'],
    ['QUANT-COMPOUND-1 met', { target: '1/160', actual: '1/178' }, 5, 'QUANT-COMPOUND-1'],
    ['QUANT-COMPOUND-1 short part', { target: '1/160', actual: '1/120' }, 3.75, 'QUANT-COMPOUND-1'],
    ['percent as a fraction (PARSE-5)', { target: '95%', actual: '1' }, 5, 'QUANT-POS-1'],
    ['comparator column 反向', { target: '10', actual: '12', comparator: '反向' }, 4, 'QUANT-NEG-1'],
    [
      'QUAL achieved',
      { level1: 'outcome', level2: 'social', target: '有效保障', actual: '有效保障', weight: '30', statedScore: '30' },
      30,
      'QUAL-3',
    ],
    [
      'QUAL partial, stated out of band',
      { level1: 'outcome', level2: 'social', target: '明显提升', actual: '基本完成', weight: '10', statedScore: '10' },
      7,
      'QUAL-3',
    ],
    [
      'QUAL partial, stated in band',
      { level1: 'outcome', level2: 'social', target: '明显提升', actual: '基本完成', weight: '10', statedScore: '6.5' },
      6.5,
      'QUAL-3',
    ],
    ['QUAL not achieved', { target: '有效', actual: '未完成', weight: '10' }, 3, 'QUAL-3'],
    ['QUAL word against a number', { target: '≥95%', actual: '已完成' }, 5, 'QUAL-3'],
  ] as const)('%s', (_label, row, points, rule) => {
    const result = score(row);
    expect(result.points).toBe(points);
    expect(result.explanation.rule).toBe(rule);
    expect(result.basis).toBe('computed');
  });

  it('flags but does not deduct over-achievement under national-2020', () => {
    const result = score({ target: '1434', actual: '2000' });
    expect(result.points).toBe(5);
    expect(result.deviation).toBeCloseTo(0.3947, 3);
  });

  it('deducts 2 points for ≥30% over-achievement under yitihua-2022', () => {
    const result = score({ target: '1434', actual: '2000' }, yitihua);
    expect(result.points).toBe(3);
    expect(result.explanation.rule).toBe('QUANT-POS-1+QUANT-DEV-1');
    expect(result.explanation.text).toContain('扣2分');
  });

  it.each([
    ['target 无', { target: '无', actual: '80/92/8', statedScore: '5' }, 'TARGET_MISSING', 5, 'stated'],
    ['target blank, no stated score', { target: '', actual: '12' }, 'TARGET_MISSING', 0, 'missing'],
    ['actual blank', { target: '12', actual: '—', statedScore: '4' }, 'ACTUAL_MISSING', 4, 'stated'],
    ['stated above weight is clamped', { target: '无', actual: '1', statedScore: '8' }, 'TARGET_MISSING', 5, 'stated'],
    ['unknown word', { target: '有效', actual: '正在推进中', statedScore: '5' }, 'UNPARSEABLE_VALUE', 5, 'stated'],
    [
      'units of different families',
      { target: '10户', actual: '10万元', statedScore: '5' },
      'UNIT_MISMATCH',
      5,
      'stated',
    ],
    [
      'compound parts differ',
      { target: '1/160', actual: '1/178/3', statedScore: '5' },
      'COMPOUND_PARTS_MISMATCH',
      5,
      'stated',
    ],
    ['a doubled percent sign', { target: '95%%', actual: '100%', statedScore: '5' }, 'UNPARSEABLE_VALUE', 5, 'stated'],
  ] as const)('falls back to the stated score (GEN-3): %s', (_label, row, code, points, basis) => {
    const result = score(row);
    expect(result.blocker?.code).toBe(code);
    expect(result.points).toBe(points);
    expect(result.basis).toBe(basis);
    expect(result.explanation.rule).toBe('GEN-3');
  });

  it('treats …… rows as placeholders worth nothing', () => {
    expect(score({ name: '……', weight: '' })).toMatchObject({ placeholder: true, points: 0 });
  });
});

describe('scoring invariants', () => {
  const amount = fc.integer({ min: 0, max: 100_000 }).map((n) => String(n / 100));
  const weight = fc.integer({ min: 0, max: 3000 }).map((n) => String(n / 100));
  const comparator = fc.constantFrom('', '≥', '≤', '=', '不低于', '不超过');

  it('0 ≤ points ≤ weight for any quantitative pair', () => {
    fc.assert(
      fc.property(comparator, amount, amount, weight, fc.option(weight), (sign, target, actual, w, stated) => {
        const result = score({ target: `${sign}${target}`, actual, weight: w, statedScore: stated ?? '' });
        expect(result.points).toBeGreaterThanOrEqual(0);
        expect(result.points).toBeLessThanOrEqual(Number(w));
      }),
      { numRuns: 500 },
    );
  });

  it('正向 points never fall as the actual rises', () => {
    fc.assert(
      fc.property(amount, amount, amount, weight, (target, a, b, w) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const lower = score({ target: `≥${target}`, actual: low, weight: w });
        const higher = score({ target: `≥${target}`, actual: high, weight: w });
        expect(higher.points).toBeGreaterThanOrEqual(lower.points);
      }),
      { numRuns: 500 },
    );
  });

  it('反向 points never rise as the actual rises', () => {
    fc.assert(
      fc.property(amount, amount, amount, weight, (target, a, b, w) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const lower = score({ target: `≤${target}`, actual: low, weight: w });
        const higher = score({ target: `≤${target}`, actual: high, weight: w });
        expect(higher.points).toBeLessThanOrEqual(lower.points);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary cells', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (target, actual, w, stated, name) => {
          const result = score({ target, actual, weight: w, statedScore: stated, name });
          expect(Number.isFinite(result.points)).toBe(true);
          expect(result.points).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('money cells', () => {
  it('honours a unit written in a money cell', async () => {
    const { readFen } = await import('./cells.ts');
    expect(readFen('38', '万元')).toBe(38_000_000);
    expect(readFen('380000元', '万元')).toBe(38_000_000);
    expect(readFen('27.75万元', '元')).toBe(27_750_000);
    expect(readFen('　', '万元')).toBeNull();
  });
});
