import { describe, expect, it } from 'vitest';
import { evaluationsListPath, filterFromSearch, filterTags, searchOf, withoutFilter } from './evaluation-filters.ts';

const DEPARTMENT = '0b7c4f6e-5d1a-4c1e-9f3a-2b8d7e6a5c4f';

describe('evaluation list filters in the URL', () => {
  it('reads every filter the dashboard links with and writes them back in the same order', () => {
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
    expect(withoutFilter(filter, 'grade')).toEqual({ year: 2022, status: 'submitted', departmentId: DEPARTMENT });
    expect(filterTags({}, null)).toEqual([]);
  });
});
