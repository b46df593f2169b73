/** Bounds on a sheet we read: far beyond any 自评表, small enough that a hostile file cannot exhaust memory. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 100;

export type Merge = { top: number; left: number; bottom: number; right: number };

/**
 * Applies merged ranges to a grid of cell texts by the grid contract: the master text repeated across the
 * merge's first row, continuation rows left empty; then pads every row to the same width.
 */
export const applyMerges = (grid: string[][], merges: readonly Merge[]): string[][] => {
  for (const { top, left, bottom, right } of merges) {
    if (bottom >= MAX_ROWS || right >= MAX_COLUMNS || top < 0 || left < 0 || bottom < top || right < left) continue;
    const master = grid[top]?.[left] ?? '';
    for (let r = top; r <= bottom; r++) {
      while (grid.length <= r) grid.push([]);
      const cells = grid[r] ?? [];
      for (let c = left; c <= right; c++) {
        while (cells.length <= c) cells.push('');
        cells[c] = r === top ? master : '';
      }
    }
  }
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  return grid.map((cells) => [...cells, ...Array.from({ length: width - cells.length }, () => '')]);
};

/** Sets one cell, growing the grid as needed; out-of-bounds cells are ignored. */
export const setCell = (grid: string[][], row: number, column: number, text: string): void => {
  if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return;
  while (grid.length <= row) grid.push([]);
  const cells = grid[row] ?? [];
  while (cells.length <= column) cells.push('');
  cells[column] = text;
};
