import { generateForm } from '@jixiao/core/testing';
import { createDraft, submitEvaluation } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

type Dashboard = {
  evaluations: number;
  byStatus: { status: string; count: number }[];
  grades: { grade: string; count: number }[];
  lowExecution: number;
  findings: {
    byCode: { code: string; count: number; evaluations: number }[];
    byDepartment: { departmentId: string | null; department: string; count: number }[];
  };
};
type Listed = { total: number; items: { projectName: string; status: string; departmentName: string | null }[] };

describe('GET /api/evaluations filtered as the dashboard counts', () => {
  let testApp: TestApp;
  let finance: Session;

  const get = async <T>(url: string): Promise<T> => {
    const response = await testApp.request(finance, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    const seedId = await testApp.importSeed();
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: seedId });
    // A draft of the same year: counted under its status, never under a grade.
    await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(21), projectName: '草稿项目', fiscalYear: 2022 },
    });
    const other = await createDraft(ctx, actors.otherFiller, {
      organizationId: organizations.otherUnit,
      form: { ...generateForm(22), projectName: '校舍维修', fiscalYear: 2022 },
    });
    await submitEvaluation(ctx, actors.otherFiller, { evaluationId: other.id });
    finance = await testApp.login('finance');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers as many rows for a year and status or grade as the dashboard counted', async () => {
    const dashboard = await get<Dashboard>('/api/analysis/dashboard?year=2022');
    expect((await get<Listed>('/api/evaluations?year=2022')).total).toBe(dashboard.evaluations);
    expect(dashboard.byStatus.filter((item) => item.count > 0)).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 2 },
    ]);
    for (const { status, count } of dashboard.byStatus)
      expect((await get<Listed>(`/api/evaluations?year=2022&status=${status}`)).total).toBe(count);
    const graded = dashboard.grades.filter((item) => item.count > 0);
    expect(graded.length).toBeGreaterThan(0);
    for (const { grade, count } of dashboard.grades) {
      const listed = await get<Listed>(`/api/evaluations?year=2022&grade=${grade}`);
      expect(listed.total).toBe(count);
      expect(listed.items.map((item) => item.status)).not.toContain('draft');
    }
  });

  it("answers a department bar's evaluations by the department's id", async () => {
    const dashboard = await get<Dashboard>('/api/analysis/dashboard?year=2022');
    const housing = dashboard.findings.byDepartment.find((item) => item.department === '开福区住房和城乡建设局');
    expect(housing?.departmentId).toBe(testApp.fixture.organizations.department);
    const listed = await get<Listed>(`/api/evaluations?year=2022&departmentId=${housing?.departmentId}`);
    expect(listed.items.map((item) => item.projectName).sort()).toEqual(['草稿项目', '征收工作经费'].sort());
    expect(new Set(listed.items.map((item) => item.departmentName))).toEqual(new Set(['开福区住房和城乡建设局']));
  });

  it('answers 执行率偏低 and each finding type with as many submitted evaluations as the dashboard counted', async () => {
    const dashboard = await get<Dashboard>('/api/analysis/dashboard?year=2022');
    // The seed report spends 73% of its budget: 执行率偏低 is not an empty count.
    expect(dashboard.lowExecution).toBeGreaterThan(0);
    const low = await get<Listed>('/api/evaluations?year=2022&lowExecution=1');
    expect(low.total).toBe(dashboard.lowExecution);
    expect(low.items.map((item) => item.projectName)).toContain('征收工作经费');
    expect(dashboard.findings.byCode.length).toBeGreaterThan(0);
    for (const { code, evaluations } of dashboard.findings.byCode) {
      const listed = await get<Listed>(`/api/evaluations?year=2022&finding=${code}`);
      expect(listed.total, code).toBe(evaluations);
      expect(listed.items.map((item) => item.status)).not.toContain('draft');
    }
  });

  it('refuses a grade, department or filter it does not know with 400', async () => {
    for (const query of [
      'grade=excellentish',
      'grade=优',
      'departmentId=not-a-uuid',
      'department=教育局',
      'lowExecution=true',
      'lowExecution=0',
      'finding=low_execution',
      'finding=',
      `finding=${'A'.repeat(65)}`,
    ]) {
      const response = await testApp.request(finance, { method: 'GET', url: `/api/evaluations?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });
});
