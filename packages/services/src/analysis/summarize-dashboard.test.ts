import { DEFAULT_RULE_SET_ID, evaluate, findRuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { summarizeDashboard } from './summarize-dashboard.ts';

describe.each(testDatabaseKinds())('summarizeDashboard on %s', (kind) => {
  let fixture: ServiceFixture;
  const forms = [2022, 2023, 2023].map((fiscalYear, seed) => ({
    ...generateForm(100 + seed),
    projectName: `看板项目${seed}`,
    fiscalYear,
  }));
  // A draft is the unit's work in progress: counted among the evaluations, not among the results.
  const draftForm = { ...generateForm(200), projectName: '看板草稿', fiscalYear: 2022 };

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    const { ctx, actors, organizations } = fixture;
    for (const [index, form] of forms.entries()) {
      const inOther = index === 2;
      const actor = inOther ? actors.otherFiller : actors.unit_filler;
      const draft = await createDraft(ctx, actor, {
        organizationId: inOther ? organizations.otherUnit : organizations.unit,
        form,
      });
      await submitEvaluation(ctx, actor, { evaluationId: draft.id });
    }
    await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form: draftForm });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it("reads each evaluation's rate, grade and findings out of the stored result exactly as the engine made them", async () => {
    const ruleSet = findRuleSet(DEFAULT_RULE_SET_ID);
    if (!ruleSet) throw new Error('no default rule set');
    const results = forms.map((form) => evaluate(form, ruleSet));
    const summary = await summarizeDashboard(fixture.ctx, fixture.actors.finance_reviewer, {});
    expect(summary.evaluations).toBe(4);
    expect(summary.results).toBe(3);
    expect(summary.years).toEqual([2023, 2022]);
    expect(summary.byStatus.filter((item) => item.count > 0)).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 3 },
    ]);
    const rates = results.flatMap((result) =>
      result.execution.rate === null ? [] : [{ executionRate: result.execution.rate, totalScore: result.totalScore }],
    );
    expect(summary.points.map(({ executionRate, totalScore }) => ({ executionRate, totalScore }))).toEqual(
      expect.arrayContaining(rates),
    );
    expect(rates.length).toBeGreaterThan(0);
    expect(summary.points).toHaveLength(rates.length);
    expect(summary.findings.total).toBe(results.reduce((sum, result) => sum + result.findings.length, 0));
    const lowExecution = results.filter((result) =>
      result.findings.some((finding) => finding.code.startsWith('LOW_EXECUTION')),
    ).length;
    expect(summary.lowExecution).toBe(lowExecution);
    // Per code, the submitted evaluations with that finding (each once), beside how many findings there are.
    expect(summary.findings.byCode.length).toBeGreaterThan(0);
    for (const { code, count, evaluations } of summary.findings.byCode) {
      const having = results.filter((result) => result.findings.some((finding) => finding.code === code));
      expect(evaluations, code).toBe(having.length);
      expect(count, code).toBe(
        having.reduce((sum, result) => sum + result.findings.filter((finding) => finding.code === code).length, 0),
      );
    }
  });

  it("keeps to the actor's units", async () => {
    const own = await summarizeDashboard(fixture.ctx, fixture.actors.unit_filler, { fiscalYear: 2023 });
    expect(own.evaluations).toBe(1);
    expect(own.years).toEqual([2023, 2022]);
    const department = await summarizeDashboard(fixture.ctx, fixture.actors.department_reviewer, {});
    expect(department.evaluations).toBe(3);
    const other = await summarizeDashboard(fixture.ctx, fixture.actors.otherFiller, {});
    expect(other.evaluations).toBe(1);
  });
});
