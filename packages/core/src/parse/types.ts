/** What the value parser understood of one cell. Decimal numbers are kept as canonical strings ("95", "27.75"). */

export type Comparator = 'gte' | 'lte' | 'eq';

/** Where a comparator came from: a 指标性质 column, the cell text, or inferred from the row (DIR-1). */
export type ComparatorSource = 'column' | 'text' | 'inferred';

export type Quantity = {
  /** Canonical decimal string, never a float: "1434", "0.95", "27.75". */
  value: string;
  /** Unit after normalisation ("%", "户", "万元"), or null when none was written or implied. */
  unit: string | null;
  /** True when the unit was not written in the cell but taken from the name or a 计量单位 column. */
  impliedUnit?: true;
};

export type DatePoint = { year: number | null; month: number; day: number | null };

export type ParsedValue =
  | { kind: 'null'; raw: string }
  | {
      kind: 'quantity';
      raw: string;
      comparator: Comparator | null;
      comparatorSource: ComparatorSource | null;
      quantity: Quantity;
      /** How the parser read the cell when it took a liberty (PARSE-5 fraction, unit from the name …). */
      notes: string[];
    }
  | {
      kind: 'compound';
      raw: string;
      comparator: Comparator | null;
      comparatorSource: ComparatorSource | null;
      parts: Quantity[];
      notes: string[];
    }
  | { kind: 'range'; raw: string; low: Quantity; high: Quantity; notes: string[] }
  /** A deadline (2022年12月底前): met when the work is done on or before it. */
  | { kind: 'deadline'; raw: string; date: DatePoint; notes: string[] }
  /** Any other non-null text: tiers are decided by the rule set's vocabulary (QUAL-2). */
  | { kind: 'qualitative'; raw: string; text: string };

export type ParseErrorCode = 'UNPARSEABLE_VALUE' | 'CHINESE_NUMERAL' | 'MALFORMED_NUMBER';

export type ParseError = {
  code: ParseErrorCode;
  /** Chinese, names the text that could not be read. */
  message: string;
  raw: string;
};

export type ParseResult = { ok: true; value: ParsedValue } | { ok: false; error: ParseError };

export type ParseOptions = {
  /** Text of a separate 指标性质 / 指标方向 column (正向, 反向, ≥ …); it wins over the cell text. */
  comparatorColumn?: string;
  /** Unit from a separate 计量单位 column, or from the indicator name's trailing bracket. */
  unitHint?: string;
};
