import { describe, expect, it } from 'vitest';
import { evaluationsListPath, filterFromSearch, filterTags, searchOf, withoutFilter } from './evaluation-filters.ts';

const DEPARTMENT = '0b7c4f6e-5d1a-4c1e-9f3a-2b8d7e6a5c4f';

describe('evaluation list filters in the URL', () => {
  it('reads every filter the dashboard links with and writes them back in the same order', () => {
    expect(filterFromSearch(new URLSearchParams('finding=OVERSPEND&lowExecution=1&year=2023'))).toEqual({
      year: 2023,
      lowExecution: true,
      finding: 'OVERSPEND',
    });
    expect(evaluationsListPath({ finding: 'OVERSPEND', lowExecution: true, year: 2023 })).toBe(
      '/app/evaluations?year=2023&lowExecution=1&finding=OVERSPEND',
    );
    const filter = filterFromSearch(
      new URLSearchParams(`grade=excellent&year=2022&departmentId=${DEPARTMENT}&status=finance_review`),
    );
    expect(filter).toEqual({ year: 2022, status: 'finance_review', grade: 'excellent', departmentId: DEPARTMENT });
    expect(searchOf(filter)).toBe(`?year=2022&status=finance_review&grade=excellent&departmentId=${DEPARTMENT}`);
    expect(searchOf(filter, { page: 2 })).toMatch(/&page=2$/u);
    expect(evaluationsListPath({ year: 2023, status: 'draft' })).toBe('/app/evaluations?year=2023&status=draft');
    expect(evaluationsListPath({})).toBe('/app/evaluations');
  });

  it('leaves out values the API would refuse instead of failing the page', () => {
    expect(
      filterFromSearch(new URLSearchParams('year=20x2&status=done&grade=优&departmentId=1; DROP TABLE&other=1')),
    ).toEqual({});
    expect(filterFromSearch(new URLSearchParams('year=1999'))).toEqual({});
    expect(filterFromSearch(new URLSearchParams('lowExecution=true&finding=low_execution'))).toEqual({});
    expect(filterFromSearch(new URLSearchParams(`lowExecution=0&finding=${'A'.repeat(65)}`))).toEqual({});
    expect(filterFromSearch(new URLSearchParams(''))).toEqual({});
  });

  it('names each filter in Chinese and drops one when its tag is closed', () => {
    const filter = { year: 2022, status: 'submitted', grade: 'good', departmentId: DEPARTMENT } as const;
    expect(filterTags(filter, '开福区教育局').map((tag) => tag.label)).toEqual([
      '年度：2022 年度',
      '状态：待单位审核',
      '等级：良（已送审）',
      '主管部门：开福区教育局',
    ]);
    expect(filterTags({ departmentId: DEPARTMENT }, null).map((tag) => tag.label)).toEqual(['主管部门：所选部门']);
    expect(filterTags({ lowExecution: true, finding: 'OVERSPEND' }, null)).toEqual([
      { key: 'lowExecution', label: '执行率偏低（已送审）' },
      { key: 'finding', label: '发现：执行数超过预算数（已送审）' },
    ]);
    // A code this version no longer knows is named by its code.
    expect(filterTags({ finding: 'RETIRED_CODE' }, null).map((tag) => tag.label)).toEqual([
      '发现：RETIRED_CODE（已送审）',
    ]);
    expect(withoutFilter(filter, 'grade')).toEqual({ year: 2022, status: 'submitted', departmentId: DEPARTMENT });
    expect(filterTags({}, null)).toEqual([]);
  });
});
