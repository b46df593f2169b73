import type { IndicatorRow } from '../model/form.ts';
import type { Comparator, ComparatorSource, ParsedValue } from '../parse/types.ts';

/** Names of things where less is better (DIR-1 step 2). */
const LOWER_IS_BETTER = /投诉|事故|差错|违规|超支|变质|损失|发生数|发生率|误差|返工|失误/u;

const comparatorOf = (value: ParsedValue): { comparator: Comparator; source: ComparatorSource } | null => {
  if ((value.kind === 'quantity' || value.kind === 'compound') && value.comparator !== null) {
    return { comparator: value.comparator, source: value.comparatorSource ?? 'text' };
  }
  return null;
};

/** PARSE-3 then DIR-1: the comparator written (column or text), else inferred from the row. */
export const directionOf = (
  row: IndicatorRow,
  target: ParsedValue | null,
): { direction: Comparator; source: ComparatorSource; reason: string } => {
  const written = target && comparatorOf(target);
  if (written) {
    return {
      direction: written.comparator,
      source: written.source,
      reason: written.source === 'column' ? '指标性质栏' : '指标值中的比较符',
    };
  }
  if (row.level2 === 'cost') return { direction: 'lte', source: 'inferred', reason: '成本指标默认越低越好' };
  if (LOWER_IS_BETTER.test(row.name)) return { direction: 'lte', source: 'inferred', reason: '指标名称表明越低越好' };
  if (target?.kind === 'deadline') return { direction: 'lte', source: 'inferred', reason: '完成时限不晚于目标日期' };
  return { direction: 'gte', source: 'inferred', reason: '未写比较符，默认越高越好' };
};

export const COMPARATOR_SIGNS: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };
