/**
 * A row taken out of a list, remembered well enough to put it back where it was. Besides its index, the
 * neighbours it had are kept by identity: edits replace only the row edited, so an untouched neighbour still
 * marks the place after other rows were deleted, added or moved; the index is the last resort.
 */
export type RemovedRow<T> = { index: number; row: T; previous: T | undefined; next: T | undefined };

/** The list without the row at `index`, and what it takes to restore it; null when there is no such row. */
export const removeRow = <T>(rows: readonly T[], index: number): { rows: T[]; removed: RemovedRow<T> } | null => {
  if (index < 0 || index >= rows.length) return null;
  return {
    rows: rows.filter((_, at) => at !== index),
    removed: { index, row: rows[index] as T, previous: rows[index - 1], next: rows[index + 1] },
  };
};

/** The list with a removed row back: before its old next neighbour, else after its old previous one, else at its old index. */
export const restoreRow = <T>(rows: readonly T[], removed: RemovedRow<T>): T[] => {
  const next = removed.next === undefined ? -1 : rows.indexOf(removed.next);
  const previous = removed.previous === undefined ? -1 : rows.indexOf(removed.previous);
  const at = next >= 0 ? next : previous >= 0 ? previous + 1 : Math.min(removed.index, rows.length);
  return [...rows.slice(0, at), removed.row, ...rows.slice(at)];
};
