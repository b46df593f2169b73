import type { EvaluationForm, FundCells } from './model/form.ts';
import { LEVEL1_LABELS, LEVEL2_LABELS } from './model/labels.ts';
import { type EvaluationResult, type Finding, GRADE_LABELS } from './model/result.ts';
import { fundColumn } from './score/execution.ts';
import { fromFen } from './util/money.ts';

/** One indicator as reported to people and machines: the row as written and the engine's reading of it. */
export type IndicatorSummary = {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  statedScore: number | null;
  score: number;
  basis: string;
  rule: string;
  explanation: string;
};

/** The stable JSON shape of `jixiao audit --json` and of the API's evaluation summaries. */
export type EvaluationSummary = {
  file: string | null;
  projectName: string;
  department: string;
  implementingUnit: string;
  year: number | null;
  ruleSet: string;
  funds: { initialBudget: number | null; adjustedBudget: number | null; executed: number | null; unit: string };
  executionRate: number | null;
  /** Null when execution carries no weight (the reader found no 分值 in the fund block: weight "0"). */
  executionScore: number | null;
  executionExplanation: string;
  statedTotal: number | null;
  recomputedTotal: number;
  totalScore: number;
  grade: string;
  provisional: boolean;
  cap: string | null;
  indicators: IndicatorSummary[];
  findings: Finding[];
};

/** The amount the engine used: the 年度资金总额 cell, or the 其中 rows' sum where that cell is blank or 0 (EXEC-1). */
const amount = (funds: EvaluationForm['funds'], key: keyof FundCells): number | null => {
  const { fen } = fundColumn(funds, key);
  return fen === null ? null : Number(fromFen(fen, funds.unit).toFixed());
};

export const summarizeEvaluation = (
  form: EvaluationForm,
  result: EvaluationResult,
  file: string | null = null,
): EvaluationSummary => ({
  file,
  projectName: form.projectName.trim(),
  department: form.department.trim(),
  implementingUnit: form.implementingUnit.trim(),
  year: form.fiscalYear,
  ruleSet: result.ruleSet,
  funds: {
    initialBudget: amount(form.funds, 'initialBudget'),
    adjustedBudget: amount(form.funds, 'adjustedBudget'),
    executed: amount(form.funds, 'executed'),
    unit: form.funds.unit,
  },
  executionRate: result.execution.rate,
  executionScore: result.execution.weight > 0 ? result.execution.points : null,
  executionExplanation: result.execution.explanation.text,
  statedTotal: result.statedTotal,
  recomputedTotal: result.checkTotal,
  totalScore: result.totalScore,
  grade: GRADE_LABELS[result.grade],
  provisional: result.provisional,
  cap: result.cap?.explanation.text ?? null,
  indicators: result.indicators
    .filter((item) => !item.placeholder)
    .map((item) => {
      const row = form.indicators[item.index];
      return {
        level1: row?.level1 ? LEVEL1_LABELS[row.level1] : (row?.level1Label.trim() ?? ''),
        level2: row?.level2 ? LEVEL2_LABELS[row.level2] : (row?.level2Label.trim() ?? ''),
        name: row?.name.trim() ?? '',
        target: row?.target.trim() ?? '',
        actual: row?.actual.trim() ?? '',
        weight: item.weight,
        statedScore: item.statedScore,
        score: item.points,
        basis: item.basis,
        rule: item.explanation.rule,
        explanation: item.explanation.text,
      };
    }),
  findings: result.findings,
});
