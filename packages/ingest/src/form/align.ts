/**
 * Places the cells of a row whose empty cells were dropped (a flattened or pasted table keeps only what was
 * written) under the header's columns. The cells keep their order, so the placement is the order-preserving
 * assignment of cells to columns that fits best: every cell is scored against every column by what it looks
 * like (a bare number fits 分值 and 得分 best, "95%" or "29.5亩" fits the values, "数量指标" the level-2 column),
 * and a dynamic program finds the best monotone assignment. A cell that fits nowhere is left out.
 */
export type Fit<C extends string> = (text: string, column: C) => number;

/** What leaving a cell out costs: worse than any plausible placement, better than a nonsensical one. */
const DROPPED = -4;

export const alignCells = <C extends string>(
  cells: readonly string[],
  columns: readonly (C | null)[],
  fit: Fit<C>,
): Map<number, string> => {
  const n = cells.length;
  const m = columns.length;
  // best[i][j]: the best score placing the first i cells within the first j columns.
  const best: number[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => -Infinity));
  const choice: ('skip' | 'place' | 'drop')[][] = Array.from({ length: n + 1 }, () =>
    Array.from({ length: m + 1 }, () => 'skip' as const),
  );
  for (let j = 0; j <= m; j++) (best[0] as number[])[j] = 0;
  for (let i = 1; i <= n; i++) {
    const row = best[i] as number[];
    const previous = best[i - 1] as number[];
    const choices = choice[i] as ('skip' | 'place' | 'drop')[];
    row[0] = (previous[0] as number) + DROPPED;
    choices[0] = 'drop';
    for (let j = 1; j <= m; j++) {
      const column = columns[j - 1];
      const skip = row[j - 1] as number;
      const place = column == null ? -Infinity : (previous[j - 1] as number) + fit(cells[i - 1] ?? '', column);
      const drop = (previous[j] as number) + DROPPED;
      if (place >= skip && place >= drop) {
        row[j] = place;
        choices[j] = 'place';
      } else if (skip >= drop) {
        row[j] = skip;
        choices[j] = 'skip';
      } else {
        row[j] = drop;
        choices[j] = 'drop';
      }
    }
  }
  const placed = new Map<number, string>();
  let i = n;
  let j = m;
  while (i > 0) {
    const step = choice[i]?.[j] ?? 'drop';
    if (step === 'place') {
      placed.set(j - 1, cells[i - 1] ?? '');
      i--;
      j--;
    } else if (step === 'skip') j--;
    else i--;
  }
  return placed;
};

/** What placing cells by position costs against placing them by content: a header's positions win unless clearly wrong. */
const POSITION_MARGIN = 2;

/**
 * A row's cells under the header: by position when the row has the header's width and position makes sense
 * (a pasted row keeps its empty cells), else by content (`alignCells` over the written cells).
 */
export const placeRow = <C extends string>(
  cells: readonly string[],
  columns: readonly (C | null)[],
  fit: Fit<C>,
): { placed: Map<number, string>; byContent: boolean } => {
  const written = cells.filter((cell) => cell.trim() !== '');
  if (cells.length !== columns.length) return { placed: alignCells(written, columns, fit), byContent: true };
  const byPosition = new Map<number, string>();
  let positionScore = 0;
  let misfit = false;
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    byPosition.set(index, cell);
    const column = columns[index];
    const score = column == null ? DROPPED : fit(cell, column);
    positionScore += score;
    if (score < 0) misfit = true;
  });
  // A row that fits its header by position is read by position; only a misfit is worth the search.
  if (!misfit) return { placed: byPosition, byContent: false };
  const byContent = alignCells(written, columns, fit);
  let contentScore = (written.length - byContent.size) * DROPPED;
  for (const [index, cell] of byContent) {
    const column = columns[index];
    contentScore += column == null ? DROPPED : fit(cell, column);
  }
  return contentScore > positionScore + POSITION_MARGIN
    ? { placed: byContent, byContent: true }
    : { placed: byPosition, byContent: false };
};
