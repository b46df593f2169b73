import { describe, expect, it } from 'vitest';
import { seedForm } from '../../../test/seed-form.ts';
import type { EvaluationForm } from '../../model/form.ts';
import { evaluate } from '../../score/evaluate.ts';

type Edit = (form: EvaluationForm) => void;

const setSection =
  (number: number, body: string): Edit =>
  (form) => {
    const found = form.narrative.sections.find((section) => section.number === number);
    if (!found) throw new Error(`no section ${number}`);
    found.body = body;
  };

const fires = (edit: Edit): boolean => {
  const form = structuredClone(seedForm());
  edit(form);
  return evaluate(form).findings.some((finding) => finding.code === 'PROBLEMS_WITHOUT_MEASURES');
};

describe('PROBLEMS_WITHOUT_MEASURES', () => {
  it.each<[string, Edit, boolean]>([
    ['the seed as written (七 and 八 filled)', () => {}, false],
    ['八 empty', setSection(8, ''), true],
    ['八 says 无', setSection(8, '无。'), true],
    ['八 says 继续加强管理', setSection(8, '继续加强管理'), true],
    [
      '八 without its section',
      (f) => {
        f.narrative.sections = f.narrative.sections.filter((section) => section.number !== 8);
      },
      true,
    ],
    ['八 with a real measure', setSection(8, '12月底前完成结算，加快资金支付。'), false],
    // The seed has errors and warnings besides its problem sentence, so 七 saying 无 still leaves problems to answer.
    [
      '七 says 无 but findings remain, 八 empty',
      (f) => {
        setSection(7, '无。')(f);
        setSection(8, '')(f);
      },
      true,
    ],
    [
      'a table without a narrative',
      (f) => {
        f.narrative.sections = [];
      },
      false,
    ],
  ])('%s → %s', (_, edit, expected) => {
    expect(fires(edit)).toBe(expected);
  });
});
