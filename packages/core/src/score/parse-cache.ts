import { isPlaceholderName, parseValue, unitFromName } from '../parse/index.ts';
import type { ParseOptions, ParseResult } from '../parse/types.ts';

/**
 * Memoises the value parser. Cells repeat heavily across reports ("5", "100%", "≥95%", "有效保障"), and bulk
 * audits score hundreds of reports, so each distinct cell is read once. Results are never mutated by the
 * engine, so sharing them is safe; the maps are cleared when they grow past a bound to cap memory. Keyed by
 * comparator column, then unit hint, then cell, rather than by one joined string: joining would build and hash a
 * new string on every lookup, where the cell's own string keeps its hash.
 */
const MAX_ENTRIES = 50_000;
const cache = new Map<string, Map<string, Map<string, ParseResult>>>();
let entries = 0;

const cellsFor = (comparator: string, unitHint: string): Map<string, ParseResult> => {
  let hints = cache.get(comparator);
  if (!hints) {
    hints = new Map();
    cache.set(comparator, hints);
  }
  let cells = hints.get(unitHint);
  if (!cells) {
    cells = new Map();
    hints.set(unitHint, cells);
  }
  return cells;
};

export const parseValueCached = (raw: string, options: ParseOptions): ParseResult => {
  const comparator = options.comparatorColumn ?? '';
  const unitHint = options.unitHint ?? '';
  const hit = cellsFor(comparator, unitHint).get(raw);
  if (hit) return hit;
  const result = parseValue(raw, options);
  if (entries >= MAX_ENTRIES) {
    cache.clear();
    entries = 0;
  }
  cellsFor(comparator, unitHint).set(raw, result);
  entries++;
  return result;
};

/** A pure function of one string that never returns undefined, remembered per input up to a bound. */
export const memoise = <T>(compute: (text: string) => T, maxEntries = MAX_ENTRIES): ((text: string) => T) => {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    if (known.size >= maxEntries) known.clear();
    known.set(text, value);
    return value;
  };
};

/**
 * Indicator names repeat across reports even more than cells do (templates name the rows), and reading one
 * normalises it several times over; both readings are judged once per distinct name.
 */
export const isPlaceholderNameCached = memoise(isPlaceholderName);
export const unitFromNameCached = memoise(unitFromName);
