import type { BudgetYearRow, DeclarationListItem, MonitoringListItem } from '@jixiao/core';

/** A calendar day written YYYY-MM-DD that exists (2026-02-30 does not). */
export const isCalendarDay = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export type ReportSlot = { declaration: DeclarationListItem; report: MonitoringListItem | null };

/**
 * What a unit has to report at a monitoring date: each declaration in force (approved, not replaced by a later
 * 调整) with the report already started for it, if any.
 */
export const reportSlots = (
  declarations: readonly DeclarationListItem[],
  reports: readonly MonitoringListItem[],
  roundId: string,
): ReportSlot[] =>
  declarations
    .filter((declaration) => declaration.status === 'approved' && !declaration.superseded)
    .map((declaration) => ({
      declaration,
      report: reports.find((report) => report.roundId === roundId && report.declarationId === declaration.id) ?? null,
    }));

/** `58.08` → `58.08%`; a rate the server could not compute shows as a dash. */
export const percentText = (value: string | null): string => (value === null ? '—' : `${value}%`);

/** Which cells of a comparison row to mark: the declared and evaluated side of what moved. */
export const changedCells = (row: BudgetYearRow) => ({
  target: row.changes.includes('target'),
  weight: row.changes.includes('weight'),
  row: row.changes.includes('added') || row.changes.includes('removed'),
});

const CHANGE_TEXT = { target: '指标值变动', weight: '分值变动', added: '自评新增', removed: '自评删除' } as const;

export const changeText = (row: BudgetYearRow): string => row.changes.map((change) => CHANGE_TEXT[change]).join('、');

type ProjectYear = { organizationId: string; fiscalYear: number; projectName: string };

const sameProject = (a: ProjectYear, b: ProjectYear): boolean =>
  a.organizationId === b.organizationId &&
  a.fiscalYear === b.fiscalYear &&
  a.projectName.trim() === b.projectName.trim();

/** The approved targets in force whose project has no self-evaluation of that year yet: where one can start. */
export const declarationsToEvaluate = (
  declarations: readonly DeclarationListItem[],
  evaluations: readonly ProjectYear[],
): DeclarationListItem[] =>
  declarations.filter(
    (declaration) =>
      declaration.status === 'approved' &&
      !declaration.superseded &&
      !evaluations.some((evaluation) => sameProject(evaluation, declaration)),
  );
