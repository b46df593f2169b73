import { generateForm } from '@jixiao/core/testing';
import { createDraft, submitEvaluation } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

type Dashboard = {
  fiscalYear: number | null;
  years: number[];
  evaluations: number;
  results: number;
  byStatus: { status: string; count: number }[];
  grades: { grade: string; count: number }[];
  points: { id: string; executionRate: number; totalScore: number }[];
  lowExecution: number;
  findings: { total: number; byCode: { code: string; count: number }[]; byDepartment: { department: string }[] };
  scoreByYear: { fiscalYear: number; scored: number; averageScore: number }[];
};

describe('GET /api/analysis/dashboard', () => {
  let testApp: TestApp;
  let seedId = '';

  const dashboardOf = async (username: string, query = ''): Promise<Dashboard> => {
    const response = await testApp.request(await testApp.login(username), {
      method: 'GET',
      url: `/api/analysis/dashboard${query}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Dashboard>();
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    seedId = await testApp.importSeed();
    // Only submitted evaluations are results (a draft's score is work in progress).
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: seedId });
    // Another department's unit, a year later: the bureau sees both, each unit only its own.
    const other = await createDraft(ctx, actors.otherFiller, {
      organizationId: organizations.otherUnit,
      form: { ...generateForm(11), projectName: '校舍维修', fiscalYear: 2023 },
    });
    await submitEvaluation(ctx, actors.otherFiller, { evaluationId: other.id });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('shows the finance bureau every unit and year, the seed with its execution rate and low-execution finding', async () => {
    const dashboard = await dashboardOf('finance');
    expect(dashboard.years).toEqual([2023, 2022]);
    expect(dashboard.evaluations).toBe(2);
    expect(dashboard.results).toBe(2);
    expect(dashboard.byStatus.filter((item) => item.count > 0)).toEqual([{ status: 'submitted', count: 2 }]);
    expect(dashboard.points.find((point) => point.id === seedId)).toMatchObject({
      executionRate: 73.03,
      totalScore: 97.3,
    });
    expect(dashboard.lowExecution).toBeGreaterThanOrEqual(1);
    expect(dashboard.findings.byDepartment.map((item) => item.department).sort()).toEqual(
      expect.arrayContaining(['开福区住房和城乡建设局']),
    );
    expect(dashboard.scoreByYear.map((item) => item.fiscalYear)).toEqual([2022, 2023]);
  });

  it('narrows to a year but keeps the trend across years', async () => {
    const dashboard = await dashboardOf('finance', '?year=2022');
    expect(dashboard.fiscalYear).toBe(2022);
    expect(dashboard.evaluations).toBe(1);
    expect(dashboard.points.map((point) => point.id)).toEqual([seedId]);
    expect(dashboard.grades.find((item) => item.grade === 'excellent')?.count).toBe(1);
    expect(dashboard.scoreByYear).toHaveLength(2);
  });

  it("shows a unit only its own evaluations and findings, not another department's", async () => {
    const own = await dashboardOf('filler');
    expect(own.years).toEqual([2022]);
    expect(own.points.map((point) => point.id)).toEqual([seedId]);
    const other = await dashboardOf('other.filler');
    expect(other.years).toEqual([2023]);
    expect(other.points.map((point) => point.id)).not.toContain(seedId);
    expect(other.findings.byDepartment.map((item) => item.department)).not.toContain('开福区住房和城乡建设局');
  });

  it('agrees with the findings list on how many findings there are', async () => {
    const session = await testApp.login('finance');
    const listed = await testApp.request(session, { method: 'GET', url: '/api/findings?pageSize=100' });
    expect((await dashboardOf('finance')).findings.total).toBe(listed.json<{ total: number }>().total);
  });

  it('answers 400 for a bad year and 401 without a session', async () => {
    const bad = await testApp.request(await testApp.login('finance'), {
      method: 'GET',
      url: '/api/analysis/dashboard?year=20x2',
    });
    expect(bad.statusCode).toBe(400);
    expect((await testApp.app.inject({ method: 'GET', url: '/api/analysis/dashboard' })).statusCode).toBe(401);
  });
});
