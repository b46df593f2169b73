import {
  checkNumberCells,
  type EvaluationForm,
  type EvaluationResult,
  type NumberCellCheck,
  type NumberCellProblem,
  numberCellProblems,
  type RuleSet,
} from '@jixiao/core';

/** Why a figure the editor would show cannot be trusted (null when it can). */
export type InvalidScores = {
  /** The execution score (and rate): a fund amount, the fund row's 分值 or, when used, its 得分 is wrong. */
  execution: string | null;
  /** Per indicator row (form index): its 分值 or 得分 is wrong. */
  rows: Map<number, string>;
  /** 复核合计 (execution + stated indicator scores). */
  checkTotal: string | null;
  /** The rules' total, and with it the grade. */
  total: string | null;
};

export type EditorNumberChecks = {
  /** Every wrong numeric cell, in form order, named by row and column. */
  problems: NumberCellProblem[];
  /** The error to show under a cell, or null. */
  errorAt: (where: string) => string | null;
  /** How a cell that wrote its own unit was read ("识别为 27.75 万元"), or null. */
  noteAt: (where: string) => string | null;
  invalid: InvalidScores;
};

/** "年度资金总额·全年执行数填写有误" for one or two cells (without the section), "3 处数字填写有误" for more. */
const reasonOf = (problems: readonly NumberCellProblem[]): string | null => {
  if (problems.length === 0) return null;
  if (problems.length > 2) return `${problems.length} 处数字填写有误`;
  return `${problems.map((problem) => problem.label.replace(/^项目资金·/u, '')).join('、')}填写有误`;
};

const FUND_SCORE_CELLS = /^funds\.(?:\w+\.\w+|executionWeight)$/u;

/**
 * The editor's view of the numeric cells: the engine's own checks (`checkNumberCells`), the errors and readings
 * to show under the cells, and which of the live figures rest on a wrong cell — those are shown as invalid, not
 * as what the engine made of the rest (a blank or fallback reading would look like a real score).
 */
export const editorNumberChecks = (
  form: EvaluationForm,
  ruleSet: Pick<RuleSet, 'totalPoints' | 'executionWeight'>,
  result: Pick<EvaluationResult, 'execution'>,
): EditorNumberChecks => {
  const limits = { totalPoints: ruleSet.totalPoints, executionWeight: ruleSet.executionWeight };
  const checks = checkNumberCells(form, limits);
  const problems = numberCellProblems(form, limits);
  const at = (where: string): NumberCellCheck | undefined => checks.get(where);

  const executionProblems = problems.filter(
    (problem) =>
      FUND_SCORE_CELLS.test(problem.where) ||
      (problem.where === 'funds.statedExecutionScore' && result.execution.basis !== 'computed'),
  );
  const rows = new Map<number, string>();
  const rowProblems = new Map<number, NumberCellProblem[]>();
  for (const problem of problems) {
    const match = problem.where.match(/^indicators\[(\d+)\]/u);
    if (!match) continue;
    const index = Number(match[1]);
    rowProblems.set(index, [...(rowProblems.get(index) ?? []), problem]);
  }
  for (const [index, list] of rowProblems) rows.set(index, reasonOf(list) ?? '');
  const scoreProblems = [...executionProblems, ...[...rowProblems.values()].flat()];
  const statedScoreProblems = [
    ...executionProblems,
    ...problems.filter((problem) => /^indicators\[\d+\]\.statedScore$/u.test(problem.where)),
  ];
  return {
    problems,
    errorAt: (where) => {
      const check = at(where);
      return check?.state === 'invalid' ? check.message : null;
    },
    noteAt: (where) => {
      const check = at(where);
      return check?.state === 'value' ? check.note : null;
    },
    invalid: {
      execution: reasonOf(executionProblems),
      rows,
      checkTotal: reasonOf(statedScoreProblems),
      total: reasonOf(scoreProblems),
    },
  };
};

/** What 送审 says when it is refused in the browser: every wrong cell with what is wrong. */
export const submitBlockedLines = (problems: readonly NumberCellProblem[]): string[] =>
  problems.map((problem) => `${problem.label}“${problem.raw.trim().slice(0, 20)}”：${problem.message}`);

/** For a page that shows the form without checking its numbers (the review page): nothing wrong, nothing read. */
export const NO_NUMBER_CHECKS: EditorNumberChecks = {
  problems: [],
  errorAt: () => null,
  noteAt: () => null,
  invalid: { execution: null, rows: new Map(), checkTotal: null, total: null },
};
