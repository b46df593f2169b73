import type { EvaluationForm, FundCells, Funds, MoneyUnit } from '../model/form.ts';
import { FUND_COLUMN_LABELS, FUND_ROW_LABELS, formPlaceLabel } from '../model/form-places.ts';
import { normalizeCell } from '../parse/normalize.ts';
import { readNumberCell } from '../score/cells.ts';
import { type Decimal, dec } from '../util/decimal.ts';
import { formatAmount, toFen } from '../util/money.ts';

/**
 * The numeric cells a unit fills in (the fund block's amounts, 分值, 得分, 执行率, the 总分 row) checked one by one
 * with the engine's own reading (`readNumberCell`), so the editor, the submit check and the engine agree on what a
 * number is. A blank cell is not a problem here (a draft is work in progress); a cell that is not a number of its
 * kind, a negative number, a score above its weight or a percentage where points belong is.
 */
export type NumberCellCheck =
  | { state: 'blank' }
  /** `value` in the cell's column unit (万元 / 元 of the form, 分, %); `note` says how a written unit was read. */
  | { state: 'value'; value: Decimal; note: string | null }
  | { state: 'invalid'; message: string };

/** One numeric cell that is wrong: its form path, a Chinese label naming the row and column, and what is wrong. */
export type NumberCellProblem = { where: string; label: string; raw: string; message: string };

const BLANK: NumberCellCheck = { state: 'blank' };
const invalid = (message: string): NumberCellCheck => ({ state: 'invalid', message });

/** The cell as the checks look at it: NFKC, no spaces. */
const compactOf = (raw: string): string => normalizeCell(raw).replace(/\s/gu, '');

/** "-27", "−5", "－3.5分": a number with a minus sign, which the engine does not read as a number. */
const isNegative = (raw: string): boolean => /^[-−–]\d|^[-−–]\.\d/u.test(compactOf(raw).replace(/^[¥￥]/u, ''));

const MONEY_UNITS = new Set(['万', '万元', '亿元', '千元', '元']);

/** The unit the cell wrote after its number ("27.75万" → 万), if the engine reads the cell at all. */
const writtenUnit = (raw: string): string | null => {
  const match = compactOf(raw).match(/(分|万元|亿元|千元|万|元)$/u);
  return match?.[1] ?? null;
};

/** A money cell of the fund block, in the form's unit; "27.75万" in a 万元 table is 27.75, as the engine reads it. */
export const checkMoneyCell = (raw: string, unit: MoneyUnit): NumberCellCheck => {
  const cell = readNumberCell(raw);
  if (cell.state === 'blank') return BLANK;
  if (cell.state === 'invalid') {
    if (isNegative(raw)) return invalid('金额不能为负数');
    return invalid(`请填写数字，如 27.75（单位：${unit}）`);
  }
  const written = writtenUnit(raw);
  if (written === '分') return invalid(`金额不能以“分”为单位，请填写数字（单位：${unit}）`);
  if (cell.unit === null || written === null || !MONEY_UNITS.has(written)) {
    return { state: 'value', value: cell.value, note: null };
  }
  const inFormUnit = dec(formatAmount(toFen(cell.value, cell.unit), unit));
  const sameUnit = cell.unit === unit && written !== '千元' && written !== '亿元';
  const note = sameUnit
    ? `识别为 ${inFormUnit.toFixed()} ${unit}`
    : `识别为 ${compactOf(raw).replace(/^[¥￥]/u, '')}，合 ${inFormUnit.toFixed()} ${unit}`;
  return { state: 'value', value: inFormUnit, note };
};

export type PointsKind = 'weight' | 'score';

const POINTS_NAME: Record<PointsKind, string> = { weight: '分值', score: '得分' };
const POINTS_EXAMPLE: Record<PointsKind, string> = { weight: '10', score: '8' };

/**
 * A 分值 or 得分 cell: a number of points ("5", "7.3", "5分"). `max` is what it may not exceed (the weight for a
 * score, the form's total for a weight) with the words naming it.
 */
export const checkPointsCell = (
  raw: string,
  kind: PointsKind,
  max: { value: Decimal; label: string } | null = null,
): NumberCellCheck => {
  const name = POINTS_NAME[kind];
  const cell = readNumberCell(raw);
  if (cell.state === 'blank') return BLANK;
  if (cell.state === 'invalid') {
    if (isNegative(raw)) return invalid(`${name}不能为负数`);
    if (/[%％]$/u.test(raw.trim())) return invalid(`${name}请填写分数（如 ${POINTS_EXAMPLE[kind]}），不能填百分比`);
    return invalid(`请填写数字，如 ${POINTS_EXAMPLE[kind]}（单位：分）`);
  }
  const written = writtenUnit(raw);
  if (written !== null && written !== '分') return invalid(`${name}应为分数，不能带“${written}”`);
  if (max && cell.value.gt(max.value)) return invalid(`${name}不能超过${max.label} ${max.value.toFixed()}`);
  return { state: 'value', value: cell.value, note: null };
};

/** A stated 执行率: "73.03%", "73.03" or the fraction "0.7303" (PARSE-5), as the audit reads it. */
export const checkRateCell = (raw: string): NumberCellCheck => {
  const cleaned = raw.replace(/[％%]\s*$/u, '').trim();
  const cell = readNumberCell(cleaned);
  if (cell.state === 'blank')
    return raw.trim() === '' || cleaned === raw.trim() ? BLANK : invalid('请填写百分比，如 73.03%');
  if (cell.state === 'invalid' || writtenUnit(cleaned) !== null) {
    return invalid(isNegative(cleaned) ? '执行率不能为负数' : '请填写百分比，如 73.03%');
  }
  return { state: 'value', value: cell.value, note: null };
};

type FundRowKey = keyof typeof FUND_ROW_LABELS;

/** The weights the checks compare against: the rule set's total and its execution weight (a blank 分值 is that). */
export type NumberCheckLimits = { totalPoints: number; executionWeight: number };

const DEFAULT_LIMITS: NumberCheckLimits = { totalPoints: 100, executionWeight: 10 };

const checkedValue = (check: NumberCellCheck): Decimal | null => (check.state === 'value' ? check.value : null);

/** Every numeric cell of the form the editor shows, checked, keyed by its form path (in form order). */
export const checkNumberCells = (
  form: EvaluationForm,
  limits: NumberCheckLimits = DEFAULT_LIMITS,
): Map<string, NumberCellCheck> => {
  const checks = new Map<string, NumberCellCheck>();
  const funds: Funds = form.funds;
  for (const row of Object.keys(FUND_ROW_LABELS) as FundRowKey[]) {
    for (const column of Object.keys(FUND_COLUMN_LABELS) as (keyof FundCells)[]) {
      checks.set(`funds.${row}.${column}`, checkMoneyCell(funds[row][column], funds.unit));
    }
  }
  const total = { value: dec(limits.totalPoints), label: '总分' };
  const executionWeight = checkPointsCell(funds.executionWeight, 'weight', total);
  checks.set('funds.executionWeight', executionWeight);
  checks.set('funds.statedExecutionRate', checkRateCell(funds.statedExecutionRate));
  const executionMax =
    funds.executionWeight.trim() === '' ? dec(limits.executionWeight) : (checkedValue(executionWeight) ?? null);
  checks.set(
    'funds.statedExecutionScore',
    checkPointsCell(funds.statedExecutionScore, 'score', executionMax ? { value: executionMax, label: '分值' } : null),
  );
  form.indicators.forEach((row, index) => {
    const weight = checkPointsCell(row.weight, 'weight', total);
    checks.set(`indicators[${index}].weight`, weight);
    const weightValue = checkedValue(weight);
    checks.set(
      `indicators[${index}].statedScore`,
      checkPointsCell(row.statedScore, 'score', weightValue ? { value: weightValue, label: '分值' } : null),
    );
  });
  const totalWeight = checkPointsCell(form.statedTotal.weight, 'weight');
  checks.set('statedTotal.weight', totalWeight);
  const totalWeightValue = checkedValue(totalWeight) ?? (form.statedTotal.weight.trim() === '' ? total.value : null);
  checks.set(
    'statedTotal.score',
    checkPointsCell(
      form.statedTotal.score,
      'score',
      totalWeightValue ? { value: totalWeightValue, label: '总分分值' } : null,
    ),
  );
  return checks;
};

/** "项目资金·年度资金总额·全年执行数", "绩效指标第 3 行（工程质量合格率）·分值": a cell named for a person. */
/** The Chinese name of a numeric cell (row and column, the indicator's name where there is one). */
export const numberCellLabel = (form: EvaluationForm, where: string): string => formPlaceLabel(where, form);

const rawAt = (form: EvaluationForm, where: string): string => {
  const fund = where.match(/^funds\.(\w+)\.(\w+)$/u);
  if (fund) {
    const row = form.funds[fund[1] as FundRowKey] as FundCells | undefined;
    return row?.[fund[2] as keyof FundCells] ?? '';
  }
  const single = where.match(/^funds\.(executionWeight|statedExecutionRate|statedExecutionScore)$/u);
  if (single) return form.funds[single[1] as 'executionWeight'];
  const indicator = where.match(/^indicators\[(\d+)\]\.(weight|statedScore)$/u);
  if (indicator) return form.indicators[Number(indicator[1])]?.[indicator[2] as 'weight'] ?? '';
  if (where === 'statedTotal.weight') return form.statedTotal.weight;
  if (where === 'statedTotal.score') return form.statedTotal.score;
  return '';
};

/** The wrong numeric cells of a form, in form order; empty when every number can be read. */
export const numberCellProblems = (
  form: EvaluationForm,
  limits: NumberCheckLimits = DEFAULT_LIMITS,
): NumberCellProblem[] => {
  const problems: NumberCellProblem[] = [];
  for (const [where, check] of checkNumberCells(form, limits)) {
    if (check.state !== 'invalid') continue;
    problems.push({ where, label: numberCellLabel(form, where), raw: rawAt(form, where), message: check.message });
  }
  return problems;
};

/** The problems as one Chinese sentence for a refusal: the first few cells by name, and how many in all. */
export const describeNumberCellProblems = (problems: readonly NumberCellProblem[], shown = 8): string => {
  const listed = problems
    .slice(0, shown)
    .map((problem) => `${problem.label}“${problem.raw.trim().slice(0, 20)}”：${problem.message}`);
  const more = problems.length > shown ? `；等共 ${problems.length} 处` : '';
  return `${listed.join('；')}${more}`;
};
