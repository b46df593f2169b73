import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationForm, evaluate } from '../src/index.ts';
import { generateForm } from '../testing/generate-form.ts';
import { seedForm } from './seed-form.ts';

const cell = fc.oneof(
  fc.constantFrom('', '无', '—', '5', '10', '30', '100', '95%', '≥90%', '1/160', '有效', '未完成', '0', '12.5', '999'),
  fc.string({ maxLength: 8 }),
);

const mutate = (
  form: EvaluationForm,
  edits: { row: number; field: 'target' | 'actual' | 'weight' | 'statedScore'; value: string }[],
) => {
  const indicators = form.indicators.map((row) => ({ ...row }));
  for (const { row, field, value } of edits) {
    const target = indicators[row % indicators.length];
    if (target) target[field] = value;
  }
  return { ...form, indicators };
};

const edit = fc.record({
  row: fc.nat(),
  field: fc.constantFrom('target', 'actual', 'weight', 'statedScore') as fc.Arbitrary<
    'target' | 'actual' | 'weight' | 'statedScore'
  >,
  value: cell,
});

describe('evaluation invariants', () => {
  it('a total is never above 100 nor below 0, and every component stays within [0, weight]', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 12 }),
        fc.constantFrom('national-2020', 'yitihua-2022'),
        (edits, ruleSet) => {
          const result = evaluate(mutate(seedForm(), edits), ruleSet);
          expect(result.totalScore).toBeLessThanOrEqual(100);
          expect(result.totalScore).toBeGreaterThanOrEqual(0);
          expect(result.execution.points).toBeLessThanOrEqual(result.execution.weight);
          for (const item of result.indicators) {
            expect(item.points).toBeGreaterThanOrEqual(0);
            if (item.weight !== null) expect(item.points).toBeLessThanOrEqual(item.weight);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the total equals the sum of the printed components (GEN-1) unless a cap or the 100 ceiling applies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const result = evaluate(generateForm(seed));
        const sum = result.indicators.reduce(
          (total, item) => total + Math.round(item.points * 100),
          Math.round(result.execution.points * 100),
        );
        if (result.cap === null && sum <= 10_000) expect(Math.round(result.totalScore * 100)).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    const form = generateForm(42);
    expect(evaluate(form)).toEqual(evaluate(structuredClone(form)));
  });
});
