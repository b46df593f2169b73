import type { EvaluationForm, Level1 } from '../../model/form.ts';
import { LEVEL2_LABELS } from '../../model/labels.ts';
import type { IndicatorScore } from '../../model/result.ts';
import { dec, fmt2 } from '../../util/decimal.ts';
import {
  type AuditCheck,
  type AuditContext,
  cutRowIndex,
  differsBy,
  finding,
  isBlankText,
  rowName,
} from '../context.ts';

const noteOf = ({ form }: AuditContext, item: IndicatorScore): string =>
  form.indicators[item.index]?.deviationNote ?? '';

/** QUAL-4: the rule gives full marks, the stated score is lower and nothing explains why. */
const metTargetBelowWeight = (context: AuditContext, item: IndicatorScore): boolean => {
  const tolerance = context.ruleSet.tolerance.score;
  return (
    item.basis === 'computed' &&
    item.weight !== null &&
    item.rulePoints !== null &&
    item.statedScore !== null &&
    !differsBy(item.rulePoints, item.weight, tolerance) &&
    item.weight - item.statedScore > 0 &&
    differsBy(item.weight, item.statedScore, tolerance) &&
    isBlankText(noteOf(context, item))
  );
};

const scoredCache = new WeakMap<AuditContext['score'], IndicatorScore[]>();

/** The non-placeholder rows, computed once per evaluation for all the checks below. */
const scored = (context: AuditContext): IndicatorScore[] => {
  const cached = scoredCache.get(context.score);
  if (cached) return cached;
  const rows = context.score.indicators.filter((item) => !item.placeholder);
  scoredCache.set(context.score, rows);
  return rows;
};

/** The rows whose cells are judged: not placeholders, and not the row a cut form stops in. */
const judged = (context: AuditContext): IndicatorScore[] => {
  const cut = cutRowIndex(context.form);
  return cut === null ? scored(context) : scored(context).filter((item) => item.index !== cut);
};

/**
 * Whether a level-1 block was seen to its end: always on a whole form; on a cut one only when a row of another
 * level-1 block follows it, so that a check of what the block lacks does not judge a block the page cut short.
 */
const blockSeenInFull = (form: EvaluationForm, level1: Level1): boolean => {
  if (form.complete) return true;
  const start = form.indicators.findIndex((row) => row.level1 === level1);
  return start >= 0 && form.indicators.slice(start + 1).some((row) => row.level1 !== null && row.level1 !== level1);
};

/** GEN-3 blockers become the finding of the same code: TARGET_MISSING, ACTUAL_MISSING, UNPARSEABLE_VALUE … */
export const checkBlockers: AuditCheck = (context) =>
  judged(context).flatMap((item) => {
    if (!item.blocker) return [];
    const rests =
      item.basis === 'stated' ? `该项得分暂按填报的 ${fmt2(item.points)} 分计入。` : '该项未填得分，按0分计入。';
    const row = context.form.indicators[item.index];
    const actualNote =
      item.blocker.code === 'TARGET_MISSING' && row && !isBlankText(row.actual)
        ? `实际完成值为“${row.actual.trim()}”，`
        : '';
    return [finding(item.blocker.code, item.blocker.where, `${item.blocker.message}；${actualNote}${rests}`)];
  });

export const checkMetTargetBelowWeight: AuditCheck = (context) =>
  judged(context).flatMap((item) =>
    metTargetBelowWeight(context, item) && item.weight !== null && item.statedScore !== null
      ? [
          finding(
            'MET_TARGET_SCORED_BELOW_WEIGHT',
            `indicators[${item.index}].statedScore`,
            `${rowName(context.form, item.index)}已达到年度指标值（${context.form.indicators[item.index]?.target.trim()} → ${context.form.indicators[item.index]?.actual.trim()}），按规则应得满分 ${fmt2(item.weight)} 分，填报 ${fmt2(item.statedScore)} 分且未说明偏差原因。`,
          ),
        ]
      : [],
  );

/** QUAL-4: any other stated score that differs from the rule score; a warning when the unit scored itself higher. */
export const checkScoreNotPerRule: AuditCheck = (context) =>
  judged(context).flatMap((item) => {
    if (item.basis !== 'computed' || item.statedScore === null || metTargetBelowWeight(context, item)) return [];
    if (!differsBy(item.statedScore, item.points, context.ruleSet.tolerance.score)) return [];
    return [
      finding(
        'SCORE_NOT_PER_RULE',
        `indicators[${item.index}].statedScore`,
        `${rowName(context.form, item.index)}填报得分 ${fmt2(item.statedScore)} 分，按规则应得 ${fmt2(item.points)} 分（${item.explanation.formula}）。`,
        item.statedScore > item.points ? 'warning' : 'info',
      ),
    ];
  });

/** The stated or rule score is below the weight and 偏差原因分析及改进措施 is empty. */
export const checkShortfallWithoutNote: AuditCheck = (context) =>
  judged(context).flatMap((item) => {
    if (item.weight === null || item.weight <= 0 || !isBlankText(noteOf(context, item))) return [];
    if (metTargetBelowWeight(context, item)) return [];
    const tolerance = context.ruleSet.tolerance.score;
    const statedShort =
      item.statedScore !== null &&
      item.statedScore < item.weight &&
      differsBy(item.weight, item.statedScore, tolerance);
    const ruleShort =
      item.basis === 'computed' && item.points < item.weight && differsBy(item.weight, item.points, tolerance);
    if (!statedShort && !ruleShort) return [];
    const shown = statedShort && item.statedScore !== null ? item.statedScore : item.points;
    return [
      finding(
        'SHORTFALL_WITHOUT_NOTE',
        `indicators[${item.index}].deviationNote`,
        `${rowName(context.form, item.index)}${statedShort ? '填报' : '按规则'}得分 ${fmt2(shown)} 分，低于分值 ${fmt2(item.weight)} 分，但“偏差原因分析及改进措施”未填写。`,
      ),
    ];
  });

/** QUANT-DEV-1: the actual beats the target by the threshold or more. */
export const checkOverAchievement: AuditCheck = (context) => {
  const { threshold, deduction } = context.ruleSet.overAchievement;
  return judged(context).flatMap((item) => {
    if (item.deviation === null || item.deviation < threshold) return [];
    const row = context.form.indicators[item.index];
    const deducted = deduction > 0 ? `，按规则扣 ${deduction} 分` : '';
    return [
      finding(
        'OVER_ACHIEVEMENT',
        `indicators[${item.index}].actual`,
        `${rowName(context.form, item.index)}实际完成“${row?.actual.trim()}”，较年度指标值“${row?.target.trim()}”偏离 ${fmt2(dec(item.deviation).times(100))}%，达到 ${fmt2(threshold * 100)}% 的阈值，年度指标值可能设定偏低${deducted}。`,
      ),
    ];
  });
};

/** PARSE-2: one finding listing every placeholder or empty row (not the row a cut form stops in). */
export const checkPlaceholderRows: AuditCheck = ({ form, score }) => {
  const cut = cutRowIndex(form);
  const rows = score.indicators.filter((item) => item.placeholder && item.index !== cut);
  if (rows.length === 0) return [];
  const described = rows.map((item) => {
    const row = form.indicators[item.index];
    const group =
      row?.level2Label.trim() || (row?.level2 ? LEVEL2_LABELS[row.level2] : '') || row?.level1Label.trim() || '';
    const what = row && !isBlankText(row.name) ? row.name.trim() : '空行';
    return `第${item.index + 1}行（${group ? `${group}，` : ''}${what}）`;
  });
  return [
    finding(
      'PLACEHOLDER_ROWS',
      'indicators',
      `自评表中有 ${rows.length} 行未填写的模板行：${described.join('、')}。正式报送前宜删除。`,
    ),
  ];
};

/** Every scored outcome (效益) indicator is qualitative (judged once the 效益 block was seen to its end). */
export const checkQualitativeOnlyOutcome: AuditCheck = (context) => {
  if (!blockSeenInFull(context.form, 'outcome')) return [];
  const outcome = scored(context).filter((item) => context.form.indicators[item.index]?.level1 === 'outcome');
  if (outcome.length === 0 || !outcome.every((item) => item.qualitative)) return [];
  const names = outcome.map((item) => `“${context.form.indicators[item.index]?.name.trim()}”`).join('、');
  const weight = outcome.reduce((sum, item) => sum.plus(item.weight ?? 0), dec(0));
  return [
    finding(
      'QUALITATIVE_ONLY_OUTCOME',
      'indicators',
      `效益指标（共 ${fmt2(weight)} 分）全部为定性指标：${names}，得分仅依据文字判断，建议设置可量化的效益指标。`,
    ),
  ];
};

/** No scored 成本指标 under 产出指标 (2021 indicator guidance), judged once the 产出 block was seen to its end. */
export const checkCostIndicator: AuditCheck = (context) => {
  if (!blockSeenInFull(context.form, 'output')) return [];
  const hasCost = scored(context).some((item) => {
    const row = context.form.indicators[item.index];
    return row?.level2 === 'cost' && row.level1 !== 'outcome' && row.level1 !== 'satisfaction';
  });
  return hasCost
    ? []
    : [
        finding(
          'COST_INDICATOR_MISSING',
          'indicators',
          '产出指标下没有已填写的成本指标（2021年起指标体系要求设置成本指标）。',
        ),
      ];
};
