import type { EvaluationForm, FundCells, Funds } from '../model/form.ts';
import type { ExecutionScore } from '../model/result.ts';
import { type RuleSet, ruleSetRef } from '../rules/schema.ts';
import { clampDec, type Decimal, dec, fmt2, HUNDRED, minDec, ONE, plain, round2 } from '../util/decimal.ts';
import { formatAmount } from '../util/money.ts';
import { cellValue, readFen, readNumberCell } from './cells.ts';
import { explain } from './explain.ts';

/** One money column of the fund block as the engine uses it. */
export type FundColumn = {
  /** Integer 分, or null when neither the total row nor a 其中 row carries an amount. */
  fen: number | null;
  /** True when the 年度资金总额 cell was blank or 0 and the amount is the sum of the 其中 rows. */
  fromSubRows: boolean;
};

/**
 * EXEC-1 as the corpus reads real forms: the 年度资金总额 row's amount, unless that cell is blank or 0 while the
 * 其中 rows (当年财政拨款, 上年结转资金, 其他资金) carry money — then the money is theirs (a template's total
 * formula over blank cells prints 0, and some units fill in only the funding source).
 */
export const fundColumn = (funds: Funds, key: keyof FundCells): FundColumn => {
  const total = readFen(funds.total[key], funds.unit);
  if (total !== null && total > 0) return { fen: total, fromSubRows: false };
  const parts = [funds.currentAppropriation, funds.priorYearCarryover, funds.other].map((row) =>
    readFen(row[key], funds.unit),
  );
  if (parts.some((part) => part !== null && part > 0)) {
    return { fen: parts.reduce<number>((sum, part) => sum + (part ?? 0), 0), fromSubRows: true };
  }
  return { fen: total, fromSubRows: false };
};

/**
 * The execution weight: the fund row's 分值, the rule set's where the cell is blank (an unscored form is scored
 * by the rules too), and "0" when the reader found no 分值 in the fund block at all (execution carries no weight).
 */
const executionWeightOf = (form: EvaluationForm, ruleSet: RuleSet): Decimal =>
  cellValue(readNumberCell(form.funds.executionWeight)) ?? dec(ruleSet.executionWeight);

const SUB_ROWS_NOTE = '（年度资金总额行未填或为0，取“其中”各资金来源行之和）';

/** EXEC-1..3: budget basis, execution rate (uncapped) and score (weight × min(rate, 1)). */
export const scoreExecution = (form: EvaluationForm, ruleSet: RuleSet): ExecutionScore => {
  const ref = ruleSetRef(ruleSet);
  const { funds } = form;
  const unit = funds.unit;
  const weight = executionWeightOf(form, ruleSet);
  const weightNumber = round2(weight);
  const adjusted = fundColumn(funds, 'adjustedBudget');
  const initial = fundColumn(funds, 'initialBudget');
  const executed = fundColumn(funds, 'executed');
  const executedFen = executed.fen;

  let budgetBasis: ExecutionScore['budgetBasis'] = null;
  let budget: FundColumn = { fen: null, fromSubRows: false };
  if (adjusted.fen !== null && adjusted.fen > 0) {
    budgetBasis = 'adjusted';
    budget = adjusted;
  } else if (ruleSet.budgetFallback === 'initial' && initial.fen !== null && initial.fen > 0) {
    budgetBasis = 'initial';
    budget = initial;
  }
  const budgetFen = budget.fen;

  if (budgetFen === null || executedFen === null) {
    const stated = cellValue(readNumberCell(funds.statedExecutionScore));
    const missingWhat = budgetFen === null ? '预算数（全年预算数、年初预算数均未填或为0）' : '全年执行数';
    const inputs = { weight: weightNumber, budget: budgetFen, executed: executedFen };
    const base = { budgetBasis, budgetFen, executedFen, rate: null, ratio: null, weight: weightNumber };
    if (stated === null || weight.eq(0)) {
      const text = weight.eq(0)
        ? `缺少${missingWhat}，无法计算执行率；预算执行不计分值，得0分。`
        : `缺少${missingWhat}，且未填写执行得分，按0分计。`;
      return {
        ...base,
        points: 0,
        basis: 'missing',
        explanation: explain(ref, 'GEN-3', 0, 'missing', '无法计算', text, inputs),
      };
    }
    const points = round2(clampDec(stated, dec(0), weight));
    const text = `缺少${missingWhat}，无法复核执行率，暂按填报得分计（限于0至${fmt2(weight)}分）。`;
    return {
      ...base,
      points,
      basis: 'stated',
      explanation: explain(ref, 'GEN-3', points, 'stated', `采用填报得分 ${fmt2(points)}`, text, inputs),
    };
  }

  const ratio = dec(executedFen).div(budgetFen);
  const rate = round2(ratio.times(HUNDRED));
  const points = round2(weight.times(minDec(ratio, ONE)));
  const budgetText = formatAmount(budgetFen, unit);
  const executedText = formatAmount(executedFen, unit);
  const basisLabel = budgetBasis === 'adjusted' ? '全年预算数' : '年初预算数（全年预算数未填）';
  const capped = ratio.gt(ONE) ? '，执行率超过100%按100%计分' : '';
  const rateText = `执行率 = 全年执行数 ${executedText}${unit}${executed.fromSubRows ? SUB_ROWS_NOTE : ''} ÷ ${basisLabel} ${budgetText}${unit}${budget.fromSubRows ? SUB_ROWS_NOTE : ''} = ${fmt2(rate)}%`;
  const scoreText = weight.eq(0)
    ? '资金表未设分值，预算执行不计分。'
    : `得分 = 分值 ${plain(weight)} × ${capped ? '100%' : `${fmt2(rate)}%`} = ${fmt2(points)}分${capped}。`;
  return {
    budgetBasis,
    budgetFen,
    executedFen,
    rate,
    ratio: ratio.toFixed(),
    weight: weightNumber,
    points,
    basis: 'computed',
    explanation: explain(
      ref,
      'EXEC-3',
      points,
      'computed',
      `${plain(weight)} × min(${executedText} / ${budgetText}, 1) = ${fmt2(points)}`,
      `${rateText}；${scoreText}`,
      {
        weight: weightNumber,
        budget: budgetText,
        executed: executedText,
        unit,
        budgetBasis,
        ...(budget.fromSubRows ? { budgetFrom: 'subRows' } : {}),
        ...(executed.fromSubRows ? { executedFrom: 'subRows' } : {}),
      },
    ),
  };
};
