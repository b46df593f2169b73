import type { Grade, ResultApplicationRow, ResultDecision } from '@jixiao/core';

export type ResultApplicationFilter = { grade?: Grade | undefined; decided?: 'decided' | 'pending' | undefined };

/** The rows the filters keep: by grade, and decided or still pending. */
export const filterResultRows = (
  rows: readonly ResultApplicationRow[],
  filter: ResultApplicationFilter,
): ResultApplicationRow[] =>
  rows.filter(
    (row) =>
      (filter.grade === undefined || row.grade === filter.grade) &&
      (filter.decided === undefined || (filter.decided === 'decided') === (row.decision !== null)),
  );

export type DecisionDraft = { decision: ResultDecision; adjustmentPercent: number | null; reason: string };

/**
 * What the decision dialog starts from: the decision already recorded, else the policy's first suggestion with a
 * percentage inside its bounds (the lower bound of a cut, the upper of an increase), so following the policy is
 * one click.
 */
export const initialDecision = (row: ResultApplicationRow): DecisionDraft => {
  if (row.decision)
    return {
      decision: row.decision.decision,
      adjustmentPercent: row.decision.adjustmentPercent,
      reason: row.decision.reason,
    };
  const advice = row.suggestion;
  const decision = advice?.decisions[0] ?? 'keep';
  switch (decision) {
    case 'increase':
      return { decision, adjustmentPercent: advice?.increaseMaxPercent ?? null, reason: '' };
    case 'cut':
      return { decision, adjustmentPercent: advice?.cutMinPercent ?? advice?.cutMaxPercent ?? null, reason: '' };
    case 'keep':
    case 'cancel':
      return { decision, adjustmentPercent: null, reason: '' };
    default: {
      const unreachable: never = decision;
      throw new Error(`unknown decision ${String(unreachable)}`);
    }
  }
};

/** The adjustment as the table shows it: +10%, −20%, 取消 is −100%; blank where there is none. */
export const adjustmentText = (decision: ResultDecision, adjustmentPercent: number | null): string => {
  if (decision === 'cancel') return '−100%';
  if (adjustmentPercent === null) return '';
  return decision === 'cut' ? `−${adjustmentPercent}%` : `+${adjustmentPercent}%`;
};
