import type { EvaluationForm } from '../model/form.ts';
import type { ExecutionScore } from '../model/result.ts';
import { type RuleSet, ruleSetRef } from '../rules/schema.ts';
import { clampDec, dec, fmt2, HUNDRED, minDec, ONE, plain, round2 } from '../util/decimal.ts';
import { formatAmount } from '../util/money.ts';
import { cellValue, readFen, readNumberCell } from './cells.ts';
import { explain } from './explain.ts';

/** EXEC-1..3: budget basis, execution rate (uncapped) and score (weight × min(rate, 1)). */
export const scoreExecution = (form: EvaluationForm, ruleSet: RuleSet): ExecutionScore => {
  const ref = ruleSetRef(ruleSet);
  const { funds } = form;
  const unit = funds.unit;
  const weightCell = cellValue(readNumberCell(funds.executionWeight));
  const weight = weightCell ?? dec(ruleSet.executionWeight);
  const weightNumber = round2(weight);
  const adjusted = readFen(funds.total.adjustedBudget, unit);
  const initial = readFen(funds.total.initialBudget, unit);
  const executedFen = readFen(funds.total.executed, unit);

  let budgetBasis: ExecutionScore['budgetBasis'] = null;
  let budgetFen: number | null = null;
  if (adjusted !== null && adjusted > 0) {
    budgetBasis = 'adjusted';
    budgetFen = adjusted;
  } else if (ruleSet.budgetFallback === 'initial' && initial !== null && initial > 0) {
    budgetBasis = 'initial';
    budgetFen = initial;
  }

  if (budgetFen === null || executedFen === null) {
    const stated = cellValue(readNumberCell(funds.statedExecutionScore));
    const missingWhat = budgetFen === null ? '预算数（全年预算数、年初预算数均未填或为0）' : '全年执行数';
    const inputs = { weight: weightNumber, budget: budgetFen, executed: executedFen };
    const base = { budgetBasis, budgetFen, executedFen, rate: null, ratio: null, weight: weightNumber };
    if (stated === null) {
      const text = `缺少${missingWhat}，且未填写执行得分，按0分计。`;
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
      `执行率 = 全年执行数 ${executedText}${unit} ÷ ${basisLabel} ${budgetText}${unit} = ${fmt2(rate)}%；得分 = 分值 ${plain(weight)} × ${capped ? '100%' : `${fmt2(rate)}%`} = ${fmt2(points)}分${capped}。`,
      { weight: weightNumber, budget: budgetText, executed: executedText, unit, budgetBasis },
    ),
  };
};
