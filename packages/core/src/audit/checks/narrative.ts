import { extractNarrativeFigures } from '../../narrative/figures.ts';
import { sectionLabel, sectionWhere } from '../../narrative/sections.ts';
import { readFen } from '../../score/cells.ts';
import { dec, fmt2 } from '../../util/decimal.ts';
import { formatAmount, toFen } from '../../util/money.ts';
import { type AuditCheck, finding } from '../context.ts';

/**
 * AUDIT-NARRATIVE: 预算 X 万元 must equal the budget basis or 年初预算数, 支出 Y 万元 the 全年执行数, 执行率 Z% the
 * computed rate (GEN-2). In a 合计 row the first number is the budget and, when the row has an even count of
 * numbers (budget columns then spending columns), the first number of the second half is the spending.
 */
export const checkNarrativeFigures: AuditCheck = ({ form, score, ruleSet }) => {
  const unit = form.funds.unit;
  const { execution } = score;
  const budgets = new Set(
    [
      execution.budgetFen,
      readFen(form.funds.total.initialBudget, unit),
      readFen(form.funds.total.adjustedBudget, unit),
    ].filter((fen): fen is number => fen !== null),
  );
  const executed = execution.executedFen;
  // Printed only for a mismatch (formatting an amount divides).
  const budgetText = (): string =>
    execution.budgetFen === null ? '未填' : `${formatAmount(execution.budgetFen, unit)}${unit}`;
  const executedText = (): string => (executed === null ? '未填' : `${formatAmount(executed, unit)}${unit}`);
  const toTableFen = (wan: string): number => toFen(dec(wan), '万元');

  return form.narrative.sections.flatMap((section) => {
    const figures = extractNarrativeFigures(section.body);
    // Most sections state no figure: nothing to name or compare.
    const stated = figures.budgets.length + figures.spendings.length + figures.rates.length + figures.totalRows.length;
    if (stated === 0) return [];
    const where = sectionWhere(section);
    const place = `报告“${sectionLabel(section)}”`;
    const found = [];
    if (budgets.size > 0) {
      for (const budget of figures.budgets) {
        if (!budgets.has(toTableFen(budget))) {
          found.push(
            finding(
              'NARRATIVE_TABLE_MISMATCH',
              where,
              `${place}写预算 ${budget} 万元，自评表预算数为 ${budgetText()}。`,
            ),
          );
        }
      }
    }
    if (executed !== null) {
      for (const spending of figures.spendings) {
        if (toTableFen(spending) !== executed) {
          found.push(
            finding(
              'NARRATIVE_TABLE_MISMATCH',
              where,
              `${place}写支出 ${spending} 万元，自评表全年执行数为 ${executedText()}。`,
            ),
          );
        }
      }
    }
    if (execution.rate !== null) {
      for (const rate of figures.rates) {
        if (dec(rate).minus(execution.rate).abs().gt(ruleSet.tolerance.ratePoints)) {
          found.push(
            finding(
              'NARRATIVE_TABLE_MISMATCH',
              where,
              `${place}写执行率 ${rate}%，按自评表复核为 ${fmt2(execution.rate)}%。`,
            ),
          );
        }
      }
    }
    for (const row of figures.totalRows) {
      const [first] = row;
      const spending = row.length % 2 === 0 ? row[row.length / 2] : undefined;
      if (first !== undefined && budgets.size > 0 && !budgets.has(toTableFen(first))) {
        found.push(
          finding(
            'NARRATIVE_TABLE_MISMATCH',
            where,
            `${place}表格合计行预算 ${first} 万元，自评表预算数为 ${budgetText()}。`,
          ),
        );
      }
      if (spending !== undefined && executed !== null && toTableFen(spending) !== executed) {
        found.push(
          finding(
            'NARRATIVE_TABLE_MISMATCH',
            where,
            `${place}表格合计行支出 ${spending} 万元，自评表全年执行数为 ${executedText()}。`,
          ),
        );
      }
    }
    return found;
  });
};
