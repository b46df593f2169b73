import { readFileSync } from 'node:fs';
import { GRADES } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { createTestDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { login } from '../accounts/sessions.ts';
import { summarizeDashboard } from '../analysis/summarize-dashboard.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createServiceContext } from '../context.ts';
import { DEMO_LOGINS, loadDemoData } from '../demo/load-demo-data.ts';
import { createDraft } from './create-draft.ts';
import { type ListEvaluationsInput, listEvaluations } from './list-evaluations.ts';
import { submitEvaluation } from './submit-evaluation.ts';

const seed = {
  bytes: new Uint8Array(readFileSync(new URL('../../../../fixtures/seed/kaifu-2022.txt', import.meta.url))),
  fileName: 'kaifu-2022.txt',
};

const ALL = { page: 1, pageSize: 500 } as const;

describe.each(testDatabaseKinds())('the evaluations list agrees with the dashboard on the demo data on %s', (kind) => {
  let close: () => Promise<void>;
  let ctx: ServiceContext;
  const actors: Actor[] = [];

  beforeAll(async () => {
    const handle = await createTestDatabase(kind);
    close = handle.close;
    ctx = createServiceContext(handle.db);
    await loadDemoData(ctx, seed);
    for (const demo of DEMO_LOGINS.filter((item) => item.role.endsWith('_reviewer')))
      actors.push((await login(ctx, demo.username, demo.password, '192.0.2.1')).actor);
  });
  afterAll(async () => {
    await close();
  });

  it('lists as many evaluations behind each count, status, grade, department bar, 执行率偏低 and finding type as the dashboard shows', async () => {
    expect(actors.length).toBeGreaterThanOrEqual(2);
    let compared = 0;
    let lowExecutionCompared = 0;
    let findingsCompared = 0;
    const totalOf = async (actor: Actor, input: Omit<ListEvaluationsInput, 'page' | 'pageSize'>) =>
      (await listEvaluations(ctx, actor, { ...ALL, ...input })).total;
    for (const actor of actors) {
      const everyYear = await summarizeDashboard(ctx, actor, {});
      for (const fiscalYear of [undefined, ...everyYear.years]) {
        const summary = await summarizeDashboard(ctx, actor, { fiscalYear });
        const inYear = await listEvaluations(ctx, actor, { ...ALL, fiscalYear });
        expect(inYear.total).toBe(summary.evaluations);
        for (const { status, count } of summary.byStatus) {
          expect(await totalOf(actor, { fiscalYear, status })).toBe(count);
          compared += count;
        }
        for (const { grade, count } of summary.grades) {
          expect(await totalOf(actor, { fiscalYear, grade })).toBe(count);
          compared += count;
        }
        // A department bar counts findings; the list behind it is that department's evaluations of the year.
        for (const { departmentId, department } of summary.findings.byDepartment) {
          if (departmentId === null) continue;
          const listed = await listEvaluations(ctx, actor, { ...ALL, fiscalYear, departmentId });
          expect(listed.items.every((item) => item.departmentName === department)).toBe(true);
          expect(listed.total).toBe(inYear.items.filter((item) => item.departmentName === department).length);
          expect(listed.total).toBeGreaterThan(0);
        }
        expect(await totalOf(actor, { fiscalYear, lowExecution: true })).toBe(summary.lowExecution);
        lowExecutionCompared += summary.lowExecution;
        // A finding bar opens the submitted evaluations with that finding, however many times each has it.
        for (const { code, evaluations, count } of summary.findings.byCode) {
          expect(await totalOf(actor, { fiscalYear, finding: code })).toBe(evaluations);
          expect(evaluations).toBeGreaterThan(0);
          expect(evaluations).toBeLessThanOrEqual(count);
          findingsCompared += evaluations;
        }
      }
    }
    // The demo district has evaluations in every status, graded results, low execution and findings of several
    // types: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(10);
    expect(lowExecutionCompared).toBeGreaterThan(0);
    expect(findingsCompared).toBeGreaterThan(10);
  });
});

describe.each(testDatabaseKinds())('listEvaluations filtered by grade, department and findings on %s', (kind) => {
  let fixture: ServiceFixture;
  const YEAR = 2023;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    const { ctx, actors, organizations } = fixture;
    const submitted = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(301), projectName: '已送审项目', fiscalYear: YEAR },
    });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: submitted.id });
    // Seed 304 spends too little without saying why: LOW_EXECUTION_UNEXPLAINED where 301 has LOW_EXECUTION.
    const unexplained = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(304), projectName: '执行偏低未说明项目', fiscalYear: YEAR },
    });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: unexplained.id });
    // Same grade as far as the engine goes, but a draft: its grade is work in progress.
    await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(301), projectName: '草稿项目', fiscalYear: YEAR },
    });
    const other = await createDraft(ctx, actors.otherFiller, {
      organizationId: organizations.otherUnit,
      form: { ...generateForm(302), projectName: '教育项目', fiscalYear: YEAR },
    });
    await submitEvaluation(ctx, actors.otherFiller, { evaluationId: other.id });
  });
  afterAll(async () => {
    await fixture.close();
  });

  const list = (input: Omit<ListEvaluationsInput, 'page' | 'pageSize'>, actor?: Actor) =>
    listEvaluations(fixture.ctx, actor ?? fixture.actors.finance_reviewer, { ...ALL, ...input });

  it('lists by grade only the submitted evaluations, never a draft of that grade', async () => {
    const all = await list({ fiscalYear: YEAR });
    const draft = all.items.find((item) => item.projectName === '草稿项目');
    const graded = all.items.find((item) => item.projectName === '已送审项目');
    expect(draft?.grade).toBe(graded?.grade);
    const grade = GRADES.find((value) => value === graded?.grade);
    if (!grade) throw new Error('the submitted evaluation has no grade');
    const byGrade = await list({ fiscalYear: YEAR, grade });
    expect(byGrade.items.map((item) => item.projectName)).toContain('已送审项目');
    expect(byGrade.items.map((item) => item.projectName)).not.toContain('草稿项目');
    expect((await list({ fiscalYear: YEAR, grade, status: 'draft' })).total).toBe(0);
    expect((await list({ fiscalYear: YEAR - 1, grade })).total).toBe(0);
  });

  it('lists by department the units under it, within what the actor may see', async () => {
    const { organizations, actors } = fixture;
    const housing = await list({ departmentId: organizations.department });
    expect(housing.items.map((item) => item.projectName).sort()).toEqual(
      ['已送审项目', '执行偏低未说明项目', '草稿项目'].sort(),
    );
    const education = await list({ departmentId: organizations.otherDepartment });
    expect(education.items.map((item) => item.projectName)).toEqual(['教育项目']);
    // A department's reviewer asking for another department's units sees nothing of them.
    expect((await list({ departmentId: organizations.otherDepartment }, actors.department_reviewer)).total).toBe(0);
    // A unit is not its own department: asking by the unit's id lists nothing.
    expect((await list({ departmentId: organizations.unit })).total).toBe(0);
  });

  const names = async (input: Omit<ListEvaluationsInput, 'page' | 'pageSize'>, actor?: Actor) =>
    (await list(input, actor)).items.map((item) => item.projectName).sort();

  it('lists as 执行率偏低 the submitted evaluations with either low-execution finding, never a draft', async () => {
    // The draft is seed 301 as well, with the same LOW_EXECUTION finding: work in progress all the same.
    expect(await names({ fiscalYear: YEAR, lowExecution: true })).toEqual(['已送审项目', '执行偏低未说明项目'].sort());
    expect((await list({ fiscalYear: YEAR, lowExecution: true, status: 'draft' })).total).toBe(0);
    expect((await list({ lowExecution: true }, fixture.actors.otherFiller)).total).toBe(0);
    expect((await list({ fiscalYear: YEAR, lowExecution: false })).total).toBe(4);
  });

  it('lists by a finding code the submitted evaluations with that finding, and both finding filters together', async () => {
    expect(await names({ finding: 'LOW_EXECUTION' })).toEqual(['已送审项目']);
    expect(await names({ finding: 'LOW_EXECUTION_UNEXPLAINED' })).toEqual(['执行偏低未说明项目']);
    expect(await names({ finding: 'OVERSPEND' })).toEqual(['教育项目']);
    // Every generated form has SCORE_NOT_PER_RULE: all three submitted ones, not the draft.
    expect(await names({ finding: 'SCORE_NOT_PER_RULE' })).toEqual(
      ['已送审项目', '执行偏低未说明项目', '教育项目'].sort(),
    );
    expect(await names({ finding: 'IMPLEMENTING_UNIT_BLANK', lowExecution: true })).toEqual(['已送审项目']);
    expect((await list({ finding: 'OVERSPEND', lowExecution: true })).total).toBe(0);
    expect((await list({ finding: 'NO_SUCH_CODE' })).total).toBe(0);
    // Within what the actor may see: the housing department's reviewer does not see the education unit's.
    expect((await list({ finding: 'OVERSPEND' }, fixture.actors.department_reviewer)).total).toBe(0);
  });
});
