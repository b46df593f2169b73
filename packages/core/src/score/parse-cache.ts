import { parseValue } from '../parse/index.ts';
import type { ParseOptions, ParseResult } from '../parse/types.ts';

/**
 * Memoises the value parser. Cells repeat heavily across reports ("5", "100%", "≥95%", "有效保障"), and bulk
 * audits score hundreds of reports, so each distinct cell is read once. Results are never mutated by the
 * engine, so sharing them is safe; the map is cleared when it grows past a bound to cap memory.
 */
const MAX_ENTRIES = 50_000;
const cache = new Map<string, ParseResult>();

export const parseValueCached = (raw: string, options: ParseOptions): ParseResult => {
  const key = `${options.comparatorColumn ?? ''}\u0001${options.unitHint ?? ''}\u0001${raw}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = parseValue(raw, options);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, result);
  return result;
};
