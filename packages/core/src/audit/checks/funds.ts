import type { FundCells } from '../../model/form.ts';
import { findSection, sectionWhere } from '../../narrative/sections.ts';
import { readFen } from '../../score/cells.ts';
import { fundColumn } from '../../score/execution.ts';
import { dec, fmt2 } from '../../util/decimal.ts';
import { formatAmount } from '../../util/money.ts';
import { type AuditCheck, type AuditContext, finding, isBlankText, rowName } from '../context.ts';

const COLUMNS: readonly { key: keyof FundCells; label: string }[] = [
  { key: 'initialBudget', label: '年初预算数' },
  { key: 'adjustedBudget', label: '全年预算数' },
  { key: 'executed', label: '全年执行数' },
];

/** EXEC-1: 全年预算数 blank, the 年初预算数 used; or both missing. */
export const checkBudgetBasis: AuditCheck = ({ form, score }) => {
  const { execution } = score;
  const unit = form.funds.unit;
  if (execution.budgetFen === null) {
    return [
      finding(
        'BUDGET_MISSING',
        'funds.adjustedBudget',
        '年度资金总额的全年预算数和年初预算数均未填写或为0，无法计算预算执行率和执行得分。',
      ),
    ];
  }
  if (execution.budgetBasis === 'initial') {
    return [
      finding(
        'ADJUSTED_BUDGET_BLANK',
        'funds.adjustedBudget',
        `全年预算数未填写，已按年初预算数 ${formatAmount(execution.budgetFen, unit)}${unit} 计算执行率。`,
      ),
    ];
  }
  return [];
};

/** EXEC-2: spending above the budget (the rate is shown uncapped, the score capped at the weight). */
export const checkOverspend: AuditCheck = ({ form, score }) => {
  const { execution } = score;
  if (execution.rate === null || execution.ratio === null || !dec(execution.ratio).gt(1)) return [];
  const unit = form.funds.unit;
  return [
    finding(
      'OVERSPEND',
      'funds.total.executed',
      `全年执行数 ${formatAmount(execution.executedFen ?? 0, unit)}${unit} 超过预算数 ${formatAmount(execution.budgetFen ?? 0, unit)}${unit}，执行率 ${fmt2(execution.rate)}%（得分按100%计）。`,
    ),
  ];
};

/**
 * EXEC-4: 当年财政拨款 + 上年结转资金 + 其他资金 = 年度资金总额 in every column where a sub-row is filled — except
 * where the total cell is blank or 0 and the money is the sub-rows' (EXEC-1 takes their sum as the total).
 */
export const checkFundSplit: AuditCheck = ({ form }) => {
  const { funds } = form;
  const unit = funds.unit;
  const subRows = [funds.currentAppropriation, funds.priorYearCarryover, funds.other];
  return COLUMNS.flatMap(({ key, label }) => {
    const parts = subRows.map((row) => readFen(row[key], unit));
    if (parts.every((part) => part === null) || fundColumn(funds, key).fromSubRows) return [];
    const sum = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
    const total = readFen(funds.total[key], unit) ?? 0;
    if (sum === total) return [];
    return [
      finding(
        'FUND_SPLIT_MISMATCH',
        `funds.total.${key}`,
        `${label}：当年财政拨款、上年结转资金、其他资金合计 ${formatAmount(sum, unit)}${unit}，与年度资金总额 ${formatAmount(total, unit)}${unit} 不符。`,
      ),
    ];
  });
};

const quote = (text: string, limit = 60): string => {
  const trimmed = text.replace(/[\s\u3000]+/gu, ' ').trim();
  return trimmed.length > limit ? `${trimmed.slice(0, limit)}…` : trimmed;
};

const namesCause = (text: string, words: readonly string[]): boolean => words.some((word) => text.includes(word));

/** AUDIT-LOW-EXECUTION: a rate below the threshold, and whether any note or 存在的问题 names a cause. */
export const checkLowExecution: AuditCheck = (context: AuditContext) => {
  const { form, score, ruleSet } = context;
  const { rate } = score.execution;
  const thresholdPercent = ruleSet.lowExecution.threshold * 100;
  if (rate === null || rate >= thresholdPercent) return [];
  const words = ruleSet.lowExecution.causeWords;
  const notes = form.indicators.flatMap((row, index) =>
    !isBlankText(row.deviationNote) && namesCause(row.deviationNote, words)
      ? [`${rowName(form, index)}的偏差说明“${quote(row.deviationNote)}”`]
      : [],
  );
  const problems = findSection(form.narrative, '存在的问题');
  const problemsNamesCause = problems !== undefined && namesCause(problems.body, words);
  const head = `预算执行率 ${fmt2(rate)}%，低于 ${fmt2(thresholdPercent)}%`;
  const problemsText =
    problems === undefined
      ? '报告中没有“存在的问题及原因分析”部分'
      : problemsNamesCause
        ? `“${problems.heading}”部分提及：“${quote(problems.body)}”`
        : `“${problems.heading}”部分未提及资金执行偏低及其原因`;
  const where = problems ? sectionWhere(problems) : 'funds.total.executed';
  if (notes.length === 0 && !problemsNamesCause) {
    return [finding('LOW_EXECUTION_UNEXPLAINED', where, `${head}；各指标偏差说明均未说明原因，${problemsText}。`)];
  }
  const explained =
    notes.length === 0
      ? '各指标偏差说明未涉及资金执行'
      : `${notes.length === 1 ? '唯一的说明见' : '说明见'}${notes.join('；')}`;
  return [finding('LOW_EXECUTION', 'funds.total.executed', `${head}。${explained}；${problemsText}。`)];
};

/** TOTAL-3: the rule set capped the total by the execution rate. */
export const checkExecutionCap: AuditCheck = ({ score }) =>
  score.cap ? [finding('EXECUTION_CAP_APPLIED', 'totalScore', score.cap.explanation.text)] : [];
