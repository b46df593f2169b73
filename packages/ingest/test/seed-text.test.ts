import { describe, expect, it } from 'vitest';
import { seedForm } from '../../core/test/seed-form.ts';
import { readFixtureForm } from './helpers.ts';

describe('the flattened Word text of the seed report', async () => {
  const { form, format } = await readFixtureForm('seed/kaifu-2022.txt');
  const expected = seedForm();

  it('is read as flattened text', () => expect(format).toBe('text'));

  it('reads the project header', () => {
    expect(form.projectName).toBe('征收工作经费');
    expect(form.department).toBe('开福区城市房屋征收和补偿管理办公室');
    expect(form.implementingUnit).toBe('');
    expect(form.fiscalYear).toBe(2022);
  });

  it('reads the fund block', () => {
    expect(form.funds).toEqual(expected.funds);
  });

  it('reads the annual goal', () => {
    expect(form.annualGoal).toEqual(expected.annualGoal);
  });

  it('reads every indicator row in table order, placeholders included', () => {
    expect(form.indicators).toHaveLength(expected.indicators.length);
    form.indicators.forEach((row, index) => {
      const want = expected.indicators[index];
      expect(
        {
          level1: row.level1,
          level2: row.level2,
          name: row.name,
          target: row.target,
          actual: row.actual,
          weight: row.weight,
          statedScore: row.statedScore,
          deviationNote: row.deviationNote,
        },
        `row ${index}`,
      ).toEqual({
        level1: want?.level1,
        level2: want?.level2,
        name: want?.name,
        target: want?.target,
        actual: want?.actual,
        weight: want?.weight,
        statedScore: want?.statedScore,
        deviationNote: want?.deviationNote,
      });
    });
  });

  it('reads the declared level-1 weights and the 总分 row', () => {
    expect(form.declaredLevel1Weights).toEqual({ output: '50', outcome: '30', satisfaction: '10' });
    expect(form.statedTotal).toEqual({ weight: '100', score: '100' });
  });

  it('reads the narrative: the title across two lines and sections 一 … 九 as written', () => {
    expect(form.narrative.title).toBe(expected.narrative.title);
    expect(form.narrative.sections.map((section) => [section.number, section.heading])).toEqual(
      expected.narrative.sections.map((section) => [section.number, section.heading]),
    );
    const funds = form.narrative.sections[1]?.body ?? '';
    expect(funds).toContain('预算共 38 万元');
    expect(funds).toMatch(/合计\t38\t38\t27\.75\t27\.75/u);
    expect(form.narrative.sections[8]?.body).not.toContain('项目支出绩效自评表');
  });
});
