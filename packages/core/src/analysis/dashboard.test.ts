import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES } from '../model/result.ts';
import { EVALUATION_STATUSES } from '../workflow/workflow.ts';
import { type DashboardEvaluation, type DashboardFindingCount, summarizeDashboard } from './dashboard.ts';

const evaluation = (overrides: Partial<DashboardEvaluation>): DashboardEvaluation => ({
  id: 'e1',
  projectName: '征收工作经费',
  organizationName: '开福区城市房屋征收和补偿管理办公室',
  departmentName: '开福区住房和城乡建设局',
  fiscalYear: 2022,
  status: 'published',
  totalScore: '97.3',
  grade: 'excellent',
  executionRate: 73.03,
  findingCodes: ['LOW_EXECUTION', 'TOTAL_MISMATCH'],
  ...overrides,
});

const EVALUATIONS: DashboardEvaluation[] = [
  evaluation({}),
  evaluation({ id: 'e2', fiscalYear: 2022, status: 'draft', totalScore: '80.005', grade: 'good', executionRate: 95 }),
  evaluation({
    id: 'e3',
    fiscalYear: 2023,
    status: 'submitted',
    totalScore: '70',
    grade: 'fair',
    findingCodes: ['TOTAL_MISMATCH'],
  }),
  evaluation({
    id: 'e4',
    fiscalYear: 2023,
    status: 'draft',
    totalScore: null,
    grade: null,
    executionRate: null,
    findingCodes: [],
  }),
  evaluation({
    id: 'e5',
    fiscalYear: 2021,
    departmentName: null,
    totalScore: '59.99',
    grade: 'poor',
    findingCodes: ['LOW_EXECUTION_UNEXPLAINED', 'RETIRED_CODE'],
  }),
];

const FINDINGS: DashboardFindingCount[] = [
  {
    fiscalYear: 2022,
    departmentId: 'd1',
    departmentName: '开福区住房和城乡建设局',
    code: 'LOW_EXECUTION',
    severity: 'warning',
    count: 1,
  },
  {
    fiscalYear: 2022,
    departmentId: 'd1',
    departmentName: '开福区住房和城乡建设局',
    code: 'TOTAL_MISMATCH',
    severity: 'error',
    count: 2,
  },
  {
    fiscalYear: 2023,
    departmentId: 'd1',
    departmentName: '开福区住房和城乡建设局',
    code: 'TOTAL_MISMATCH',
    severity: 'error',
    count: 1,
  },
  { fiscalYear: 2021, departmentId: null, departmentName: null, code: 'RETIRED_CODE', severity: 'info', count: 4 },
  {
    fiscalYear: 2021,
    departmentId: null,
    departmentName: null,
    code: 'LOW_EXECUTION_UNEXPLAINED',
    severity: 'warning',
    count: 1,
  },
];

describe('summarizeDashboard', () => {
  it('counts every year when no year is chosen', () => {
    const summary = summarizeDashboard(EVALUATIONS, FINDINGS, null);
    expect(summary.years).toEqual([2023, 2022, 2021]);
    expect(summary.evaluations).toBe(5);
    expect(summary.results).toBe(3);
    expect(summary.byStatus.filter((item) => item.count > 0)).toEqual([
      { status: 'draft', count: 2 },
      { status: 'submitted', count: 1 },
      { status: 'published', count: 2 },
    ]);
    // The draft e2's 良 and its point are work in progress, not results.
    expect(summary.grades.map((item) => [item.label, item.count])).toEqual([
      ['优', 1],
      ['良', 0],
      ['中', 1],
      ['差', 1],
    ]);
    expect(summary.points.map((point) => point.id)).toEqual(['e1', 'e3', 'e5']);
    // e1 and e5, by either low-execution code; the draft e2's finding is work in progress.
    expect(summary.lowExecution).toBe(2);
    // A code's evaluations are the submitted ones with it (e1 and e3 for TOTAL_MISMATCH), however many times.
    expect(summary.findings).toEqual({
      total: 9,
      errors: 3,
      byCode: [
        { code: 'TOTAL_MISMATCH', title: '总分与复核合计不符', count: 3, errors: 3, evaluations: 2 },
        { code: 'RETIRED_CODE', title: 'RETIRED_CODE', count: 4, errors: 0, evaluations: 1 },
        { code: 'LOW_EXECUTION', title: '预算执行率偏低', count: 1, errors: 0, evaluations: 1 },
        { code: 'LOW_EXECUTION_UNEXPLAINED', title: expect.any(String), count: 1, errors: 0, evaluations: 1 },
      ],
      byDepartment: [
        { departmentId: null, department: '（无主管部门）', count: 5 },
        { departmentId: 'd1', department: '开福区住房和城乡建设局', count: 4 },
      ],
    });
  });

  it("narrows everything to the chosen year except the years' trend", () => {
    const summary = summarizeDashboard(EVALUATIONS, FINDINGS, 2022);
    expect(summary.fiscalYear).toBe(2022);
    expect(summary.evaluations).toBe(2);
    expect(summary.results).toBe(1);
    expect(summary.points).toEqual([
      {
        id: 'e1',
        projectName: '征收工作经费',
        organizationName: expect.any(String),
        executionRate: 73.03,
        totalScore: 97.3,
      },
    ]);
    expect(summary.findings.total).toBe(3);
    expect(summary.lowExecution).toBe(1);
    expect(summary.findings.byCode.map(({ code, count, evaluations }) => [code, count, evaluations])).toEqual([
      ['TOTAL_MISMATCH', 2, 1],
      ['LOW_EXECUTION', 1, 1],
    ]);
    expect(summary.findings.byDepartment).toEqual([
      { departmentId: 'd1', department: '开福区住房和城乡建设局', count: 3 },
    ]);
    expect(summary.scoreByYear).toEqual([
      { fiscalYear: 2021, scored: 1, averageScore: 59.99 },
      { fiscalYear: 2022, scored: 1, averageScore: 97.3 },
      { fiscalYear: 2023, scored: 1, averageScore: 70 },
    ]);
  });

  it('rounds the mean half-up on the exact decimal', () => {
    // In binary floating point 90.005 × 100 is 9000.4999…, which would round down to 90.
    const scores = ['90.005', '90.005'].map((totalScore, index) => evaluation({ id: `s${index}`, totalScore }));
    expect(summarizeDashboard(scores, [], null).scoreByYear).toEqual([
      { fiscalYear: 2022, scored: 2, averageScore: 90.01 },
    ]);
  });

  it('gives an empty but complete summary for someone who sees nothing', () => {
    const summary = summarizeDashboard([], [], 2022);
    expect(summary.evaluations).toBe(0);
    expect(summary.byStatus).toHaveLength(EVALUATION_STATUSES.length);
    expect(summary.grades).toHaveLength(GRADES.length);
    expect(summary.findings).toEqual({ total: 0, errors: 0, byCode: [], byDepartment: [] });
    expect(summary.scoreByYear).toEqual([]);
  });

  it('keeps its parts consistent with each other for any input', () => {
    const evaluationArb = fc.record({
      id: fc.uuid(),
      projectName: fc.string(),
      organizationName: fc.string(),
      departmentName: fc.option(fc.constantFrom('甲局', '乙局')),
      fiscalYear: fc.integer({ min: 2019, max: 2024 }),
      status: fc.constantFrom(...EVALUATION_STATUSES),
      totalScore: fc.option(fc.integer({ min: 0, max: 10_000 }).map((hundredths) => (hundredths / 100).toFixed(2))),
      grade: fc.option(fc.constantFrom(...GRADES)),
      executionRate: fc.option(fc.double({ min: 0, max: 200, noNaN: true })),
      findingCodes: fc.uniqueArray(
        fc.constantFrom('TOTAL_MISMATCH', 'LOW_EXECUTION', 'LOW_EXECUTION_UNEXPLAINED', 'UNKNOWN'),
      ),
    });
    const findingArb = fc.record({
      fiscalYear: fc.integer({ min: 2019, max: 2024 }),
      departmentId: fc.option(fc.constantFrom('d1', 'd2')),
      departmentName: fc.option(fc.constantFrom('甲局', '乙局')),
      code: fc.constantFrom('TOTAL_MISMATCH', 'LOW_EXECUTION', 'UNKNOWN'),
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      count: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.array(evaluationArb, { maxLength: 40 }),
        fc.array(findingArb, { maxLength: 20 }),
        fc.option(fc.integer({ min: 2019, max: 2024 })),
        (evaluations, findings, year) => {
          const summary = summarizeDashboard(evaluations, findings, year);
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(summary.byStatus.map((item) => item.count))).toBe(summary.evaluations);
          expect(summary.results).toBeLessThanOrEqual(summary.evaluations);
          expect(sum(summary.grades.map((item) => item.count))).toBeLessThanOrEqual(summary.results);
          expect(summary.points.length).toBeLessThanOrEqual(summary.results);
          expect(summary.lowExecution).toBeLessThanOrEqual(summary.results);
          expect(sum(summary.findings.byCode.map((item) => item.count))).toBe(summary.findings.total);
          expect(sum(summary.findings.byDepartment.map((item) => item.count))).toBe(summary.findings.total);
          expect(sum(summary.findings.byCode.map((item) => item.errors))).toBe(summary.findings.errors);
          for (const item of summary.findings.byCode) expect(item.evaluations).toBeLessThanOrEqual(summary.results);
          for (const year of summary.scoreByYear) {
            expect(year.averageScore).toBeGreaterThanOrEqual(0);
            expect(year.averageScore).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
