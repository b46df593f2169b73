import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  FINDING_CODES,
  GRADE_LABELS,
  GRADES,
  type Grade,
  isFindingCode,
  STATUS_LABELS,
} from '@jixiao/core';

/**
 * The evaluations list's filters as the URL carries them (?year=&status=&grade=&departmentId=&lowExecution=1&finding=),
 * so that a count on the dashboard can link to the rows behind it and the list can be shared or reloaded as it stands.
 */
export type EvaluationListFilter = {
  year?: number;
  status?: EvaluationStatus;
  grade?: Grade;
  departmentId?: string;
  lowExecution?: true;
  /** A finding's code. */
  finding?: string;
};

export type FilterKey = keyof EvaluationListFilter;

const FILTER_KEYS = [
  'year',
  'status',
  'grade',
  'departmentId',
  'lowExecution',
  'finding',
] as const satisfies readonly FilterKey[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
// As the API takes it: a code this version no longer knows is still a code (its tag shows it as it is).
const FINDING_CODE = /^[A-Z0-9_]{1,64}$/u;

const isStatus = (value: string): value is EvaluationStatus => EVALUATION_STATUSES.some((status) => status === value);
const isGrade = (value: string): value is Grade => GRADES.some((grade) => grade === value);

/** A value the API would refuse (a mistyped link) is left out rather than turning the page into an error. */
export const filterFromSearch = (search: URLSearchParams): EvaluationListFilter => {
  const year = Number(search.get('year') ?? '');
  const status = search.get('status') ?? '';
  const grade = search.get('grade') ?? '';
  const departmentId = search.get('departmentId') ?? '';
  const finding = search.get('finding') ?? '';
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(isGrade(grade) ? { grade } : {}),
    ...(UUID.test(departmentId) ? { departmentId } : {}),
    ...(search.get('lowExecution') === '1' ? { lowExecution: true } : {}),
    ...(FINDING_CODE.test(finding) ? { finding } : {}),
  };
};

/** The filter as a query string in a fixed order ("" when empty), for the page's URL and the API's. */
export const searchOf = (filter: EvaluationListFilter, extra: Record<string, number> = {}): string => {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    // The API takes lowExecution=1, as a link reads best.
    if (value !== undefined) search.set(key, value === true ? '1' : String(value));
  }
  for (const [key, value] of Object.entries(extra)) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

/** Where a dashboard count leads: the evaluations list under that filter. */
export const evaluationsListPath = (filter: EvaluationListFilter): string => `/app/evaluations${searchOf(filter)}`;

export const withoutFilter = (filter: EvaluationListFilter, key: FilterKey): EvaluationListFilter => {
  const { [key]: _removed, ...rest } = filter;
  return rest;
};

export type FilterTag = { key: FilterKey; label: string };

const findingTitle = (code: string): string => (isFindingCode(code) ? FINDING_CODES[code].title : code);

/**
 * One removable tag per filter in force, in Chinese; a grade, 执行率偏低 and a finding count submitted evaluations
 * only, and say so.
 */
export const filterTags = (filter: EvaluationListFilter, departmentName: string | null): FilterTag[] =>
  FILTER_KEYS.flatMap((key): FilterTag[] => {
    switch (key) {
      case 'year':
        return filter.year === undefined ? [] : [{ key, label: `年度：${filter.year} 年度` }];
      case 'status':
        return filter.status === undefined ? [] : [{ key, label: `状态：${STATUS_LABELS[filter.status]}` }];
      case 'grade':
        return filter.grade === undefined ? [] : [{ key, label: `等级：${GRADE_LABELS[filter.grade]}（已送审）` }];
      case 'departmentId':
        return filter.departmentId === undefined ? [] : [{ key, label: `主管部门：${departmentName ?? '所选部门'}` }];
      case 'lowExecution':
        return filter.lowExecution ? [{ key, label: '执行率偏低（已送审）' }] : [];
      case 'finding':
        return filter.finding === undefined ? [] : [{ key, label: `发现：${findingTitle(filter.finding)}（已送审）` }];
      default: {
        const unknown: never = key;
        return unknown;
      }
    }
  });
