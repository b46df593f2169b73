import { compact } from './chinese.ts';
import type { Synonym } from './synonyms.ts';

type Grid = readonly (readonly string[])[];

/** A header read into columns: which column each cell is, how sure, and the cells not understood. */
export type ColumnMap<C extends string> = {
  /** The grid row of the header (its last row when the header spans two). */
  row: number;
  columns: (C | null)[];
  /** The lowest confidence among the columns read: below 0.8 the header is reported as guessed. */
  confidence: number;
  /** Header cells with text that matched no synonym, with their column index. */
  unknown: { index: number; text: string }[];
};

type Candidate<C extends string> = { index: number; column: C; confidence: number };

/** What each cell text may be, per synonym table: header search tests every cell of a document, often the same. */
const MATCHES = new WeakMap<object, Map<string, { column: string; confidence: number }[]>>();

const matchesOf = <C extends string>(text: string, synonyms: Record<C, readonly Synonym[]>) => {
  let known = MATCHES.get(synonyms);
  if (!known) {
    known = new Map();
    MATCHES.set(synonyms, known);
  }
  let matches = known.get(text);
  if (!matches) {
    matches = (Object.entries(synonyms) as [C, readonly Synonym[]][]).flatMap(([column, list]) => {
      const best = list.find((synonym) => synonym.pattern.test(text));
      return best ? [{ column, confidence: best.confidence }] : [];
    });
    if (known.size >= 20_000) known.clear();
    known.set(text, matches);
  }
  return matches as { column: C; confidence: number }[];
};

const candidatesOf = <C extends string>(
  cells: readonly string[],
  synonyms: Record<C, readonly Synonym[]>,
): Candidate<C>[] =>
  cells.flatMap((cell, index) => {
    const text = compact(cell);
    // A header cell is a short label: long text is a value or a paragraph, never a column's name.
    if (text === '' || text.length > 40) return [];
    return matchesOf(text, synonyms).map((match) => ({ index, ...match }));
  });

/**
 * Each column to at most one cell and each cell to at most one column, surest first; `repeatable` columns
 * (those the reader skips) may take many cells. A horizontally merged header repeated across cells keeps
 * its first cell.
 */
const assign = <C extends string>(
  width: number,
  candidates: Candidate<C>[],
  repeatable: readonly C[],
): { columns: (C | null)[]; confidence: number[] } => {
  const columns: (C | null)[] = Array.from({ length: width }, () => null);
  const confidence: number[] = Array.from({ length: width }, () => 0);
  const taken = new Set<C>();
  const ordered = [...candidates].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  for (const candidate of ordered) {
    if (columns[candidate.index] !== null) continue;
    if (taken.has(candidate.column) && !repeatable.includes(candidate.column)) continue;
    columns[candidate.index] = candidate.column;
    confidence[candidate.index] = candidate.confidence;
    taken.add(candidate.column);
  }
  return { columns, confidence };
};

/** Reads one header row (or two, the second naming the parts of a merged cell above it) into a column map. */
export const readHeader = <C extends string>(
  grid: Grid,
  row: number,
  synonyms: Record<C, readonly Synonym[]>,
  repeatable: readonly C[],
  mergedAs: C,
): ColumnMap<C> => {
  const top = grid[row] ?? [];
  const below = grid[row + 1] ?? [];
  const above = row > 0 ? (grid[row - 1] ?? []) : [];
  const labelsOnly = (cells: readonly string[]): boolean =>
    !cells.some((cell) => /\d/u.test(compact(cell)) && !/\d+分/u.test(compact(cell)));
  const belowCandidates = candidatesOf(below, synonyms);
  // A second header row names the parts of merged cells (指标值 over 指标性质 / 指标值 / 度量单位; 指标名称 over
  // 一级 / 二级 / 三级): it holds labels only, and several of them. A row above the header may name the columns
  // the header row leaves blank (指标解释, 未完成原因 over a 记录 group).
  const twoRows = new Set(belowCandidates.map((candidate) => candidate.index)).size >= 2 && labelsOnly(below);
  const aboveCandidates = labelsOnly(above) ? candidatesOf(above, synonyms) : [];
  const width = Math.max(top.length, twoRows ? below.length : 0);
  const topCandidates = candidatesOf(top, synonyms);
  const layered = [...(twoRows ? belowCandidates : []), ...topCandidates];
  const candidates = [
    ...layered.filter(
      (candidate, position) => !layered.slice(0, position).some((other) => other.index === candidate.index),
    ),
    ...aboveCandidates.filter(
      (candidate) =>
        candidate.index < width &&
        compact(top[candidate.index] ?? '') === '' &&
        !layered.some((other) => other.index === candidate.index),
    ),
  ];
  const { columns, confidence } = assign(width, candidates, repeatable);
  const texts = Array.from({ length: width }, (_, index) =>
    twoRows && compact(below[index] ?? '') !== '' ? (below[index] ?? '') : (top[index] ?? ''),
  );
  // A header cell merged across columns is repeated in each (the grid contract): the copies are one column, and
  // what the rows repeat under them is skipped.
  texts.forEach((text, index) => {
    if (index > 0 && columns[index] === null && columns[index - 1] !== null && compact(text) !== '') {
      if (compact(text) === compact(texts[index - 1] ?? '')) columns[index] = mergedAs;
    }
  });
  const unknown = texts.flatMap((text, index) =>
    columns[index] === null && compact(text) !== '' && !candidates.some((c) => c.index === index)
      ? [{ index, text: compact(text) }]
      : [],
  );
  const read = confidence.filter((value) => value > 0);
  return {
    row: twoRows ? row + 1 : row,
    columns,
    confidence: read.length === 0 ? 0 : Math.min(...read),
    unknown,
  };
};

/** The first row, from `from`, whose cells name at least `minimum` distinct columns of `wanted`. */
export const findHeaderRow = <C extends string>(
  grid: Grid,
  synonyms: Record<C, readonly Synonym[]>,
  wanted: readonly C[],
  minimum: number,
  from = 0,
): number => {
  for (let row = from; row < grid.length; row++) {
    const named = new Set(
      candidatesOf(grid[row] ?? [], synonyms)
        .filter((candidate) => wanted.includes(candidate.column))
        .map((candidate) => candidate.column),
    );
    if (named.size >= minimum) return row;
  }
  return -1;
};
