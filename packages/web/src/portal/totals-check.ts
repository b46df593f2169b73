import type { PublishedEvaluation } from '../api/types.ts';

/** What the totals row says about the stated 总分: a stated figure is shown as stated, never silently corrected. */
export type TotalsCheck = {
  /** The execution score plus every stated row score: what the 得分 column adds up to. */
  rowSum: number;
  differsFromRecomputed: boolean;
  differsFromRowSum: boolean;
  /** "填报总分 X，各项得分合计 Y（含预算执行 E 分），复核总分 Z" when the stated total differs from either; else null. */
  explanation: string | null;
};

const hundredths = (value: number | null): number => Math.round((value ?? 0) * 100);
const points = (value: number) => value.toFixed(2);

/**
 * Compares the stated total with the recomputed one and with the sum of the scores the page shows beside it, in
 * hundredths (the figures are 2-dp): 0.1 + 0.2 must not differ from 0.3.
 */
export const totalsCheck = (
  report: Pick<PublishedEvaluation, 'statedTotal' | 'totalScore' | 'executionScore' | 'indicators'>,
): TotalsCheck => {
  const sum = report.indicators.reduce((total, row) => total + hundredths(row.statedScore), 0);
  const rowSumHundredths = hundredths(report.executionScore) + sum;
  const rowSum = rowSumHundredths / 100;
  if (report.statedTotal === null) {
    return { rowSum, differsFromRecomputed: false, differsFromRowSum: false, explanation: null };
  }
  const stated = hundredths(report.statedTotal);
  const differsFromRecomputed = stated !== hundredths(report.totalScore);
  const differsFromRowSum = stated !== rowSumHundredths;
  const execution = report.executionScore === null ? '' : `（含预算执行 ${points(report.executionScore)} 分）`;
  return {
    rowSum,
    differsFromRecomputed,
    differsFromRowSum,
    explanation:
      differsFromRecomputed || differsFromRowSum
        ? `填报总分 ${points(report.statedTotal)}，各项得分合计 ${points(rowSum)}${execution}，复核总分 ${points(report.totalScore)}`
        : null,
  };
};
