import type { IndicatorRow } from '@jixiao/core';
import { LEVEL1_LABELS, LEVEL2_LABELS } from '@jixiao/core';
import { textSimilarity } from './text-diff.ts';

/** A row's 一级指标 / 二级指标 as the form wrote them, or the standard name of the recognised level. */
export const level1Text = (row: IndicatorRow): string =>
  row.level1Label.trim() || (row.level1 ? LEVEL1_LABELS[row.level1] : '');
export const level2Text = (row: IndicatorRow): string =>
  row.level2Label.trim() || (row.level2 ? LEVEL2_LABELS[row.level2] : '');

/** How alike two rows are, in [0, 1]: mostly the level-3 name, then the levels and the values. */
const rowSimilarity = (a: IndicatorRow, b: IndicatorRow): number =>
  0.6 * textSimilarity(a.name.trim(), b.name.trim()) +
  0.1 * (level1Text(a) === level1Text(b) ? 1 : 0) +
  0.15 * (level2Text(a) === level2Text(b) ? 1 : 0) +
  0.15 * textSimilarity(`${a.target}|${a.actual}`, `${b.target}|${b.actual}`);

/** Below this similarity two rows are not the same indicator: one was removed and another added. */
const SAME_ROW = 0.55;

export type Pair = { from: number; to: number };

/**
 * Pairs the rows of two revisions by identity: first rows with the same level-3 name, then the most alike of
 * the rest. Among candidates of equal standing the nearer positions win, so duplicates pair in order.
 */
export const matchIndicatorRows = (before: readonly IndicatorRow[], after: readonly IndicatorRow[]): Pair[] => {
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const pairs: Pair[] = [];
  const take = (candidates: { from: number; to: number; score: number }[]) => {
    candidates.sort(
      (x, y) => y.score - x.score || Math.abs(x.from - x.to) - Math.abs(y.from - y.to) || x.from - y.from,
    );
    for (const candidate of candidates) {
      if (usedFrom.has(candidate.from) || usedTo.has(candidate.to)) continue;
      usedFrom.add(candidate.from);
      usedTo.add(candidate.to);
      pairs.push({ from: candidate.from, to: candidate.to });
    }
  };
  const sameName: { from: number; to: number; score: number }[] = [];
  before.forEach((a, from) => {
    after.forEach((b, to) => {
      if (a.name.trim() !== '' && a.name.trim() === b.name.trim()) {
        sameName.push({ from, to, score: rowSimilarity(a, b) });
      }
    });
  });
  take(sameName);
  const alike: { from: number; to: number; score: number }[] = [];
  before.forEach((a, from) => {
    if (usedFrom.has(from)) return;
    after.forEach((b, to) => {
      if (usedTo.has(to)) return;
      const score = rowSimilarity(a, b);
      if (score >= SAME_ROW) alike.push({ from, to, score });
    });
  });
  take(alike);
  return pairs.sort((x, y) => x.from - y.from);
};

/** The pairs that keep their relative order (a longest increasing subsequence of `to`); the others moved. */
export const movedPairs = (pairs: readonly Pair[]): Set<Pair> => {
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach((pair, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as Pair).to < pair.to) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) kept.add(index);
  return new Set(pairs.filter((_, index) => !kept.has(index)));
};
