import { describe, expect, it } from 'vitest';
import { generateForm } from '../../demo/generate-form.ts';
import type { EvaluationForm } from '../../model/form.ts';
import { evaluate } from '../../score/evaluate.ts';

const typos = (form: EvaluationForm): string[] =>
  evaluate(form)
    .findings.filter((finding) => finding.code === 'TYPO_SUSPECT')
    .map((finding) => finding.message);

/** A report naming 法律顾问 three times in its narrative, and one row 法顾顾问. */
const withTypo = (): EvaluationForm => {
  const form = generateForm(7);
  const [first] = form.indicators;
  const [section] = form.narrative.sections;
  if (!first || !section) throw new Error('the generated form has rows and sections');
  first.name = '聘请法顾顾问（次）';
  section.body += '聘请法律顾问审查合同。法律顾问出具意见。法律顾问参与诉讼。';
  return form;
};

describe('AUDIT-TYPO', () => {
  it('finds a term misspelt against its use elsewhere in the report and against the standard terms', () => {
    const form = withTypo();
    const [section] = form.narrative.sections;
    if (section) section.heading = '单位基木情况';
    const found = typos(form);
    expect(found.some((message) => message.includes('“法顾顾问”疑似“法律顾问”'))).toBe(true);
    expect(found.some((message) => message.includes('“单位基木情况”疑似“单位基本情况”'))).toBe(true);
  });

  it('judges each report on its own, after reports with more windows than any before', () => {
    const before = typos(withTypo());
    const long = generateForm(8);
    // Thousands of windows: more than the index has held so far, so it grows.
    for (const row of long.indicators) row.name = `${'法律顾问服务质量提升工作'.repeat(40)}（次）`;
    expect(typos(long)).toEqual([]);
    expect(typos(withTypo())).toEqual(before);
  });
});
