import {
  type DeclarationAction,
  type DeclarationForm,
  type DeclaredIndicator,
  emptyDeclaredIndicator,
  LEVEL1_KEYS,
  LEVEL1_LABELS,
  LEVEL2_KEYS,
  LEVEL2_LABELS,
  type Level1,
  type Level2,
} from '@jixiao/core';
import { type RemovedRow, removeRow, restoreRow } from '../components/removed-row.ts';

/** Which 二级指标 sit under each 一级指标 (the 2020 template's tree). */
export const LEVEL2_UNDER: Record<Level1, readonly Level2[]> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  outcome: ['economic', 'social', 'ecological', 'sustainability'],
  satisfaction: ['serviceSatisfaction'],
};

export const level1Options = LEVEL1_KEYS.map((key) => ({ value: key, label: LEVEL1_LABELS[key] }));

export const level2Options = (level1: Level1 | null) =>
  (level1 ? LEVEL2_UNDER[level1] : LEVEL2_KEYS).map((key) => ({ value: key, label: LEVEL2_LABELS[key] }));

/** 指标性质 as the templates write it. */
export const COMPARATOR_OPTIONS = ['≥', '≤', '=', '正向', '反向', '定性'].map((value) => ({ value, label: value }));

export const addIndicator = (form: DeclarationForm, level1: Level1 = 'output'): DeclarationForm => ({
  ...form,
  indicators: [...form.indicators, emptyDeclaredIndicator({ level1, level1Label: LEVEL1_LABELS[level1] })],
});

/** Removes a row and keeps what 撤销 needs (the same mechanism as the evaluation editor's). */
export const removeIndicator = (
  form: DeclarationForm,
  index: number,
): { form: DeclarationForm; removed: RemovedRow<DeclaredIndicator> | null } => {
  const removal = removeRow(form.indicators, index);
  return removal ? { form: { ...form, indicators: removal.rows }, removed: removal.removed } : { form, removed: null };
};

/** 撤销 of a removal: the row back at its place, whatever was edited in the other rows since. */
export const restoreIndicator = (form: DeclarationForm, removed: RemovedRow<DeclaredIndicator>): DeclarationForm => ({
  ...form,
  indicators: restoreRow(form.indicators, removed),
});

/** One cell changed; choosing a 一级指标 resets a 二级指标 that does not belong under it, and labels follow keys. */
export const updateIndicator = (
  form: DeclarationForm,
  index: number,
  patch: Partial<DeclaredIndicator>,
): DeclarationForm => ({
  ...form,
  indicators: form.indicators.map((row, at) => {
    if (at !== index) return row;
    const next = { ...row, ...patch };
    if (patch.level1 !== undefined) {
      next.level1Label = patch.level1 ? LEVEL1_LABELS[patch.level1] : '';
      if (next.level2 && patch.level1 && !LEVEL2_UNDER[patch.level1].includes(next.level2)) {
        next.level2 = null;
        next.level2Label = '';
      }
    }
    if (patch.level2 !== undefined) next.level2Label = patch.level2 ? LEVEL2_LABELS[patch.level2] : '';
    return next;
  }),
});

/** 分值 summed exactly in hundredths (weights are written with at most two decimals); null when one is unreadable. */
export const weightTotal = (indicators: readonly DeclaredIndicator[]): string | null => {
  let hundredths = 0;
  for (const row of indicators) {
    const text = row.weight.trim();
    if (text === '') continue;
    const match = /^(\d+)(?:\.(\d{1,2}))?$/u.exec(text);
    if (!match) return null;
    hundredths += Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  }
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/u, '')}`;
};

/** The actions offered as buttons: editing is the editor itself, not a button. */
export const actionButtons = (actions: readonly DeclarationAction[]): DeclarationAction[] =>
  actions.filter((action) => action !== 'edit');

/** The actions that need a reason typed before they are sent. */
export const actionNeedsReason = (action: DeclarationAction): boolean => action === 'return' || action === 'adjust';

/** The tag beside a declaration's status: which revision, and whether a later one replaced it. */
export const revisionText = (item: { revisionNo: number; superseded: boolean }): string[] => [
  ...(item.revisionNo > 1 ? [`第 ${item.revisionNo - 1} 次调整`] : []),
  ...(item.superseded ? ['已被调整取代'] : []),
];
