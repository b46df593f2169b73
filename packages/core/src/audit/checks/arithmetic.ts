import { type Funds, LEVEL1_KEYS, type Level1 } from '../../model/form.ts';
import { LEVEL1_LABELS } from '../../model/labels.ts';
import { cellValue, readNumberCell, readPercentCell } from '../../score/cells.ts';
import { fundColumn } from '../../score/execution.ts';
import { gradeLabel, readStatedGrade } from '../../score/grade.ts';
import { type Decimal, dec, fmt2, plain, ZERO } from '../../util/decimal.ts';
import { type AuditCheck, finding, rowName } from '../context.ts';

const differs = (a: Decimal | number, b: Decimal | number, tolerance: number): boolean =>
  dec(a).minus(b).abs().gt(tolerance);

/** TOTAL-2: the stated total against the recomputed execution score plus the indicator scores as stated. */
export const checkTotal: AuditCheck = ({ form, score, ruleSet }) => {
  if (score.statedTotal === null || !differs(score.statedTotal, score.checkTotal, ruleSet.tolerance.score)) return [];
  const indicatorSum = dec(score.checkTotal).minus(score.execution.points);
  const difference = dec(score.statedTotal).minus(score.checkTotal);
  const executionAsFull = indicatorSum.plus(score.execution.weight);
  const hint =
    score.execution.points < score.execution.weight &&
    !differs(executionAsFull, score.statedTotal, ruleSet.tolerance.score)
      ? `；差额正是预算执行得分 ${fmt2(score.execution.points)} 被按满分 ${fmt2(score.execution.weight)} 计入所致`
      : '';
  return [
    finding(
      'TOTAL_MISMATCH',
      'statedTotal.score',
      `总分填报 ${form.statedTotal.score.trim()} 分，复核合计 ${fmt2(score.checkTotal)} 分（预算执行得分 ${fmt2(score.execution.points)} + 各指标填报得分 ${fmt2(indicatorSum)}），相差 ${fmt2(difference.abs())} 分${hint}。`,
    ),
  ];
};

const FUND_COLUMNS = ['initialBudget', 'adjustedBudget', 'executed'] as const;

/**
 * A stated 0 beside a 年度资金总额 row that was blank or 0 (the money being in the 其中 rows) is the template's
 * formula over empty cells, not a figure the unit computed.
 */
const isTemplateZero = (stated: Decimal, funds: Funds): boolean =>
  stated.eq(0) && FUND_COLUMNS.some((key) => fundColumn(funds, key).fromSubRows);

/** EXEC-2 / EXEC-3 against the stated 执行率 and 得分 on the fund row (the 得分 only when execution carries weight). */
export const checkExecutionFigures: AuditCheck = ({ form, score, ruleSet }) => {
  const { execution } = score;
  if (execution.basis !== 'computed' || execution.rate === null) return [];
  const findings = [];
  const statedRate = readPercentCell(form.funds.statedExecutionRate);
  if (
    statedRate !== null &&
    !isTemplateZero(statedRate, form.funds) &&
    differs(statedRate, execution.rate, ruleSet.tolerance.ratePoints)
  ) {
    findings.push(
      finding(
        'EXEC_RATE_MISMATCH',
        'funds.statedExecutionRate',
        `执行率填报 ${form.funds.statedExecutionRate.trim()}，按全年执行数 ÷ 预算数复核为 ${fmt2(execution.rate)}%。`,
      ),
    );
  }
  const statedScore = cellValue(readNumberCell(form.funds.statedExecutionScore));
  if (
    statedScore !== null &&
    execution.weight > 0 &&
    !isTemplateZero(statedScore, form.funds) &&
    differs(statedScore, execution.points, ruleSet.tolerance.score)
  ) {
    findings.push(
      finding(
        'EXEC_SCORE_MISMATCH',
        'funds.statedExecutionScore',
        `预算执行得分填报 ${plain(statedScore)} 分，按分值 ${fmt2(execution.weight)} × min(执行率 ${fmt2(execution.rate)}%, 100%) 复核为 ${fmt2(execution.points)} 分。`,
      ),
    );
  }
  return findings;
};

const weightOf = (raw: string): Decimal => cellValue(readNumberCell(raw)) ?? ZERO;

/** WEIGHT-2: execution weight plus every indicator weight (placeholders included) must make the total points. */
export const checkWeightsTotal: AuditCheck = ({ form, score, ruleSet }) => {
  const indicatorSum = form.indicators.reduce((sum, row) => sum.plus(weightOf(row.weight)), ZERO);
  const sum = indicatorSum.plus(score.execution.weight);
  const findings = [];
  if (differs(sum, ruleSet.totalPoints, ruleSet.tolerance.score)) {
    findings.push(
      finding(
        'WEIGHTS_NOT_100',
        'indicators',
        `预算执行分值 ${fmt2(score.execution.weight)} 与各指标分值 ${fmt2(indicatorSum)} 合计 ${fmt2(sum)} 分，应为 ${ruleSet.totalPoints} 分。`,
      ),
    );
  }
  const statedWeight = cellValue(readNumberCell(form.statedTotal.weight));
  if (statedWeight !== null && differs(statedWeight, sum, ruleSet.tolerance.score)) {
    findings.push(
      finding(
        'WEIGHTS_NOT_100',
        'statedTotal.weight',
        `总分行分值填报 ${plain(statedWeight)} 分，而预算执行与各指标分值合计为 ${fmt2(sum)} 分。`,
      ),
    );
  }
  return findings;
};

const level1Sums = (rows: readonly { level1: Level1 | null; weight: string }[]): Record<Level1, Decimal> => {
  const sums: Record<Level1, Decimal> = { output: ZERO, outcome: ZERO, satisfaction: ZERO };
  for (const row of rows) if (row.level1) sums[row.level1] = sums[row.level1].plus(weightOf(row.weight));
  return sums;
};

/** WEIGHT-3: the weights under each level-1 block add up to what its header declares. */
export const checkLevelWeights: AuditCheck = ({ form, ruleSet }) => {
  const sums = level1Sums(form.indicators);
  return LEVEL1_KEYS.flatMap((key) => {
    const declared = cellValue(readNumberCell(form.declaredLevel1Weights[key]));
    if (declared === null || !differs(declared, sums[key], ruleSet.tolerance.score)) return [];
    return [
      finding(
        'LEVEL_WEIGHT_MISMATCH',
        `declaredLevel1Weights.${key}`,
        `${LEVEL1_LABELS[key]}标注 ${plain(declared)} 分，其下各指标分值合计 ${fmt2(sums[key])} 分。`,
      ),
    ];
  });
};

/**
 * WEIGHT-1 / EXEC-3: execution or level-1 weights that differ from the rule set's defaults (allowed, but noted),
 * in one finding. On a cut form only declared block weights count: the visible rows of a block may not be all.
 */
export const checkNondefaultWeights: AuditCheck = ({ form, score, ruleSet }) => {
  const differences: { where: string; text: string }[] = [];
  const executionWeight = score.execution.weight;
  if (differs(executionWeight, ruleSet.executionWeight, ruleSet.tolerance.score)) {
    differences.push({
      where: 'funds.executionWeight',
      text:
        executionWeight === 0
          ? `资金表未设分值，预算执行不计分（规则集默认 ${ruleSet.executionWeight} 分）`
          : `预算执行率分值为 ${fmt2(executionWeight)} 分，规则集默认 ${ruleSet.executionWeight} 分`,
    });
  }
  const sums = level1Sums(form.indicators);
  const scoredLevels = new Set(
    form.indicators.flatMap((row) => (row.level1 && weightOf(row.weight).gt(0) ? [row.level1] : [])),
  );
  for (const key of LEVEL1_KEYS) {
    if (key === 'satisfaction' && !ruleSet.satisfactionIsLevel1) continue;
    const declared = cellValue(readNumberCell(form.declaredLevel1Weights[key]));
    const actual = declared ?? (form.complete && scoredLevels.has(key) ? sums[key] : null);
    if (actual !== null && differs(actual, ruleSet.level1Weights[key], ruleSet.tolerance.score)) {
      differences.push({
        where: `declaredLevel1Weights.${key}`,
        text: `${LEVEL1_LABELS[key]}分值为 ${fmt2(actual)} 分，规则集默认 ${ruleSet.level1Weights[key]} 分`,
      });
    }
  }
  const [first] = differences;
  if (!first) return [];
  return [finding('NONDEFAULT_WEIGHTS', first.where, `${differences.map((item) => item.text).join('；')}。`)];
};

/** QUANT-CAP-1: a stated indicator score above its weight. */
export const checkScoreAboveWeight: AuditCheck = ({ form, score }) =>
  score.indicators.flatMap((item) =>
    item.statedScore !== null && item.weight !== null && item.statedScore > item.weight
      ? [
          finding(
            'SCORE_ABOVE_WEIGHT',
            `indicators[${item.index}].statedScore`,
            `${rowName(form, item.index)}得分 ${fmt2(item.statedScore)} 超过分值 ${fmt2(item.weight)}。`,
          ),
        ]
      : [],
  );

/** GRADE-1: a stated grade that disagrees with the grade of the engine's total. */
export const checkGrade: AuditCheck = ({ form, score }) => {
  const stated = readStatedGrade(form.statedGrade);
  if (stated === null || stated === score.grade) return [];
  return [
    finding(
      'GRADE_MISMATCH',
      'statedGrade',
      `评价等级填报“${form.statedGrade.trim()}”，按复核总分 ${fmt2(score.totalScore)} 分应为“${gradeLabel(score.grade)}”。`,
    ),
  ];
};
