import { describe, expect, it } from 'vitest';
import { findingsByCode, findingsByDepartment, gradeDistribution } from './dashboard-data.ts';

describe('dashboard data', () => {
  it('counts grades in the order 优 良 中 差, leaving ungraded out', () => {
    const counts = gradeDistribution([{ grade: 'good' }, { grade: 'excellent' }, { grade: 'good' }, { grade: null }]);
    expect(counts.map((item) => [item.label, item.count])).toEqual([
      ['优', 1],
      ['良', 2],
      ['中', 0],
      ['差', 0],
    ]);
  });

  it('counts findings per code with titles, most frequent first', () => {
    const counts = findingsByCode([
      { code: 'LOW_EXECUTION', severity: 'warning' },
      { code: 'TOTAL_MISMATCH', severity: 'error' },
      { code: 'TOTAL_MISMATCH', severity: 'error' },
      { code: 'NOT_A_CODE', severity: 'info' },
    ]);
    expect(counts).toEqual([
      { code: 'TOTAL_MISMATCH', title: '总分与复核合计不符', count: 2, errors: 2 },
      { code: 'LOW_EXECUTION', title: '预算执行率偏低', count: 1, errors: 0 },
      { code: 'NOT_A_CODE', title: 'NOT_A_CODE', count: 1, errors: 0 },
    ]);
  });

  it('counts findings per department through their evaluation', () => {
    const counts = findingsByDepartment(
      [{ evaluationId: 'a' }, { evaluationId: 'a' }, { evaluationId: 'b' }, { evaluationId: 'gone' }],
      [
        { id: 'a', departmentName: '住建局' },
        { id: 'b', departmentName: null },
      ],
    );
    expect(counts).toEqual([
      { department: '住建局', count: 2 },
      { department: '（其他）', count: 1 },
      { department: '（无主管部门）', count: 1 },
    ]);
  });
});
