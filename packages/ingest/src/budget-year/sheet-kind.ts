import { compact } from '../form/chinese.ts';
import { type BudgetSheet, findCell, type Grid } from './grid.ts';
import { LIKELIHOOD_GROUP, MONITORING_MONTH, TITLES } from './vocabulary.ts';

/** What a sheet holds, judged by its content (never its name: exports and copies rename sheets freely). */
export type SheetKind = 'declaration' | 'monitoring' | 'self-evaluation' | 'other';

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  declaration: '绩效目标申报表',
  monitoring: '绩效目标执行监控表',
  'self-evaluation': '绩效自评表',
  other: '其他内容',
};

const TITLE_ROWS = 4;

const hasIndicatorHeader = (grid: Grid): boolean =>
  grid.some((cells) => {
    const labels = cells.map(compact);
    return labels.some((text) => /^一级指标/u.test(text)) && labels.some((text) => /^三级指标|^指标名称/u.test(text));
  });

const titled = (grid: Grid, pattern: RegExp): boolean =>
  grid.slice(0, TITLE_ROWS).some((cells) => cells.some((cell) => pattern.test(compact(cell))));

export const sheetKind = ({ rows }: BudgetSheet): SheetKind => {
  const indicators = hasIndicatorHeader(rows);
  const monitoringColumns = findCell(rows, LIKELIHOOD_GROUP) !== null || findCell(rows, MONITORING_MONTH) !== null;
  if ((titled(rows, TITLES.monitoring) && (indicators || monitoringColumns)) || (indicators && monitoringColumns))
    return 'monitoring';
  const actuals = findCell(rows, /^实际完成值|^全年完成值|^实际值$|^得分$|^自评得分/u) !== null;
  if (indicators && (actuals || titled(rows, TITLES.selfEvaluation))) return 'self-evaluation';
  if (titled(rows, TITLES.declaration) || (indicators && findCell(rows, /^(年度|中期)目标$|^指标值$/u) !== null))
    return 'declaration';
  return 'other';
};

/** The first sheet of the kind, or the sentence that names what each sheet is instead. */
export const sheetOfKind = (
  sheets: readonly BudgetSheet[],
  kind: SheetKind,
): { sheet: BudgetSheet; found: null } | { sheet: null; found: string } => {
  const kinds = sheets.map((sheet) => ({ sheet, kind: sheetKind(sheet) }));
  const match = kinds.find((entry) => entry.kind === kind);
  if (match) return { sheet: match.sheet, found: null };
  const found =
    kinds.length === 0
      ? '文件中没有任何表格'
      : `文件中有：${kinds.map((entry) => `“${entry.sheet.name}”（${SHEET_KIND_LABELS[entry.kind]}）`).join('、')}`;
  return { sheet: null, found };
};
