import { FINDING_CODES, type FindingCode } from '@jixiao/core';
import type { EvaluationView, FindingListItem } from '../api/types.ts';

export const GRADE_ORDER = ['excellent', 'good', 'fair', 'poor'] as const;
export const GRADE_WORDS = { excellent: '优', good: '良', fair: '中', poor: '差' } as const;

/** How many evaluations got each grade (ungraded ones are left out). */
export const gradeDistribution = (items: readonly Pick<EvaluationView, 'grade'>[]) =>
  GRADE_ORDER.map((grade) => ({
    grade,
    label: GRADE_WORDS[grade],
    count: items.filter((item) => item.grade === grade).length,
  }));

export type FindingCount = { code: string; title: string; count: number; errors: number };

/** Findings per code, most frequent first. */
export const findingsByCode = (findings: readonly Pick<FindingListItem, 'code' | 'severity'>[]): FindingCount[] => {
  const counts = new Map<string, FindingCount>();
  for (const finding of findings) {
    const title = finding.code in FINDING_CODES ? FINDING_CODES[finding.code as FindingCode].title : finding.code;
    const entry = counts.get(finding.code) ?? { code: finding.code, title, count: 0, errors: 0 };
    entry.count += 1;
    if (finding.severity === 'error') entry.errors += 1;
    counts.set(finding.code, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
};

/** Findings per department (the unit's parent), most first. */
export const findingsByDepartment = (
  findings: readonly Pick<FindingListItem, 'evaluationId'>[],
  evaluations: readonly Pick<EvaluationView, 'id' | 'departmentName'>[],
): { department: string; count: number }[] => {
  const departmentOf = new Map(evaluations.map((item) => [item.id, item.departmentName ?? '（无主管部门）']));
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const department = departmentOf.get(finding.evaluationId) ?? '（其他）';
    counts.set(department, (counts.get(department) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([department, count]) => ({ department, count }))
    .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department));
};
