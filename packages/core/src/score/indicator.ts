import type { IndicatorRow } from '../model/form.ts';
import type { IndicatorScore, QualitativeTier, ScoreBlocker } from '../model/result.ts';
import { reconcileUnits } from '../parse/index.ts';
import type { Comparator, ParsedValue, ParseOptions, ParseResult } from '../parse/types.ts';
import type { RuleSet } from '../rules/schema.ts';
import { clampDec, type Decimal, dec, fmt2, maxDec, minDec, ONE, plain, round2, ZERO } from '../util/decimal.ts';
import { cellValue, readNumberCell } from './cells.ts';
import { COMPARATOR_SIGNS, directionOf } from './direction.ts';
import { explain } from './explain.ts';
import { isPlaceholderNameCached, parseValueCached, unitFromNameCached } from './parse-cache.ts';
import { qualitativeTier, TIER_LABELS } from './qualitative.ts';
import { quantityShare, rangeShare, type Share } from './shares.ts';

type Computed = {
  share: Decimal;
  rule: string;
  formula: string;
  text: string;
  deviation: Decimal | null;
  tier: QualitativeTier | null;
  qualitative: boolean;
};

type Quantity = { value: string; unit: string | null };

type Outcome = { kind: 'computed'; computed: Computed } | { kind: 'blocked'; blocker: ScoreBlocker };

const rowLabel = (row: IndicatorRow, index: number): string => `第${index + 1}行指标“${row.name || '（未命名）'}”`;

/** A row that cannot be scored; its place and label are written only here, since most rows score. */
const blocked = (
  code: ScoreBlocker['code'],
  row: IndicatorRow,
  index: number,
  cell: 'target' | 'actual',
  afterLabel: string,
): Outcome => ({
  kind: 'blocked',
  blocker: { code, where: `indicators[${index}].${cell}`, message: `${rowLabel(row, index)}${afterLabel}` },
});

const quantityText = (value: Decimal, unit: string | null): string => `${plain(value)}${unit ?? ''}`;

/** One quantitative pair (QUANT-POS/NEG/EQ/ZERO-1); `notes` end the text. */
const scorePair = (
  direction: Comparator,
  target: Quantity,
  actual: Quantity | undefined,
  ruleSet: RuleSet,
  notes: string,
): Computed => {
  const t = dec(target.value);
  const a = dec(actual?.value ?? '0');
  const share = quantityShare(direction, t, a, ruleSet.equalMode);
  return {
    share: share.share,
    rule: share.rule,
    formula: share.formula,
    text: `目标 ${COMPARATOR_SIGNS[direction]}${quantityText(t, target.unit)}，实际 ${quantityText(a, target.unit)}${notes}`,
    deviation: share.deviation,
    tier: null,
    qualitative: false,
  };
};

/** Scores a compound part by part (QUANT-COMPOUND-1 aggregates with min or mean); `notes` end the text. */
const scoreQuantities = (
  direction: Comparator,
  targets: readonly Quantity[],
  actuals: readonly Quantity[],
  ruleSet: RuleSet,
  notes: string,
): Computed => {
  const [firstTarget] = targets;
  if (targets.length === 1 && firstTarget) return scorePair(direction, firstTarget, actuals[0], ruleSet, notes);
  const parts = targets.map((target, i) => {
    const actual = actuals[i] ?? { value: '0', unit: null };
    const t = dec(target.value);
    const a = dec(actual.value);
    const share = quantityShare(direction, t, a, ruleSet.equalMode);
    return {
      share,
      deviation: share.deviation,
      t,
      a,
      unit: target.unit,
    };
  });
  const shares = parts.map((part) => part.share.share);
  const deviations = parts.flatMap((part) => (part.deviation === null ? [] : [part.deviation]));
  const deviation = deviations.length > 0 ? deviations.reduce(maxDec) : null;
  const aggregate =
    ruleSet.compoundAggregate === 'min'
      ? shares.reduce(minDec)
      : shares.reduce((sum, share) => sum.plus(share), ZERO).div(shares.length);
  const shareList = shares.map((share) => fmt2(share)).join(', ');
  return {
    share: aggregate,
    rule: 'QUANT-COMPOUND-1',
    formula: `${ruleSet.compoundAggregate}(${shareList})`,
    text: `复合指标逐项计分：${parts.map((part, i) => `第${i + 1}项 实际 ${quantityText(part.a, part.unit)} 对目标 ${quantityText(part.t, part.unit)}`).join('，')}；各项得分率 (${shareList})，取${ruleSet.compoundAggregate === 'min' ? '最小值' : '平均值'}${notes}`,
    deviation,
    tier: null,
    qualitative: false,
  };
};

const scoreQualitative = (
  actual: ParsedValue,
  target: ParsedValue,
  ruleSet: RuleSet,
  row: IndicatorRow,
  index: number,
): Outcome => {
  const detected = qualitativeTier(actual, target, ruleSet.qualitative);
  if (detected.tier === null) {
    return blocked(
      'UNPARSEABLE_VALUE',
      row,
      index,
      'actual',
      `的实际完成值“${actual.raw}”${detected.why}，无法按定性指标计分`,
    );
  }
  return {
    kind: 'computed',
    computed: {
      share: dec(ruleSet.qualitative.defaultShare[detected.tier]),
      rule: 'QUAL-3',
      formula: `${TIER_LABELS[detected.tier]}`,
      text: `定性指标：${detected.how}`,
      deviation: null,
      tier: detected.tier,
      qualitative: true,
    },
  };
};

/** Decides how one row is scored, or why it cannot be (GEN-3). */
const scoreRow = (
  row: IndicatorRow,
  index: number,
  target: ParseResult,
  actual: ParseResult,
  direction: Comparator,
  ruleSet: RuleSet,
): Outcome => {
  if (!target.ok)
    return blocked('UNPARSEABLE_VALUE', row, index, 'target', `的年度指标值无法识别：${target.error.message}`);
  if (target.value.kind === 'null') {
    return blocked('TARGET_MISSING', row, index, 'target', `未填写年度指标值（“${row.target.trim() || '空白'}”）`);
  }
  if (!actual.ok)
    return blocked('UNPARSEABLE_VALUE', row, index, 'actual', `的实际完成值无法识别：${actual.error.message}`);
  if (actual.value.kind === 'null') {
    return blocked('ACTUAL_MISSING', row, index, 'actual', `有年度指标值“${row.target.trim()}”，但未填写实际完成值`);
  }
  const t = target.value;
  const a = actual.value;
  // A verbal target, or a verbal actual against a numeric target ("已完成" against ≥95%), is scored by tier (QUAL-2).
  if (t.kind === 'qualitative' || a.kind === 'qualitative') return scoreQualitative(a, t, ruleSet, row, index);

  const reconciled = reconcileUnits(t, a);
  if (!reconciled.ok) return blocked(reconciled.code, row, index, 'actual', `：${reconciled.message}`);
  const rt = reconciled.target;
  const ra = reconciled.actual;
  const notes = reconciled.notes.length > 0 ? `（${reconciled.notes.join('；')}）` : '';

  if (rt.kind === 'quantity' && ra.kind === 'quantity') {
    return { kind: 'computed', computed: scorePair(direction, rt.quantity, ra.quantity, ruleSet, notes) };
  }
  if (rt.kind === 'compound' && ra.kind === 'compound') {
    if (rt.parts.length !== ra.parts.length) {
      return blocked(
        'COMPOUND_PARTS_MISMATCH',
        row,
        index,
        'actual',
        `的指标值“${row.target.trim()}”有${rt.parts.length}项，实际完成值“${row.actual.trim()}”有${ra.parts.length}项，无法逐项比较`,
      );
    }
    return { kind: 'computed', computed: scoreQuantities(direction, rt.parts, ra.parts, ruleSet, notes) };
  }
  if (rt.kind === 'range' && ra.kind === 'quantity') {
    const share: Share = rangeShare(dec(rt.low.value), dec(rt.high.value), dec(ra.quantity.value));
    return {
      kind: 'computed',
      computed: { ...share, text: `区间指标${notes}`, deviation: null, tier: null, qualitative: false },
    };
  }
  if (rt.kind === 'deadline' && ra.kind === 'deadline') {
    const met = compareDates(ra.date, rt.date) <= 0;
    if (!met) {
      return blocked(
        'UNPARSEABLE_VALUE',
        row,
        index,
        'actual',
        `的完成时间“${row.actual.trim()}”晚于时限“${row.target.trim()}”，需人工判断得分`,
      );
    }
    return {
      kind: 'computed',
      computed: {
        share: ONE,
        rule: 'QUANT-RANGE-1',
        formula: '按时限完成 → 满分',
        text: '在时限内完成',
        deviation: null,
        tier: null,
        qualitative: false,
      },
    };
  }
  if ((rt.kind === 'compound') !== (ra.kind === 'compound')) {
    return blocked(
      'COMPOUND_PARTS_MISMATCH',
      row,
      index,
      'actual',
      `的指标值“${row.target.trim()}”与实际完成值“${row.actual.trim()}”一为复合值一为单值，无法比较`,
    );
  }
  return blocked(
    'UNPARSEABLE_VALUE',
    row,
    index,
    'actual',
    `的指标值“${row.target.trim()}”与实际完成值“${row.actual.trim()}”类型不同，无法比较`,
  );
};

const compareDates = (a: { year: number | null; month: number; day: number | null }, b: typeof a): number => {
  const year = (a.year ?? b.year ?? 0) - (b.year ?? a.year ?? 0);
  if (year !== 0) return year;
  if (a.month !== b.month) return a.month - b.month;
  return (a.day ?? 31) - (b.day ?? 31);
};

const parseOptions = (row: IndicatorRow): ParseOptions => {
  const unitHint = row.measureUnit.trim() || unitFromNameCached(row.name) || '';
  const options: ParseOptions = {};
  if (row.comparator.trim()) options.comparatorColumn = row.comparator;
  if (unitHint) options.unitHint = unitHint;
  return options;
};

/** Whether a row is a template placeholder (PARSE-2): "……", a template label (指标1, XX) or an empty name. */
export const isPlaceholderRow = (row: IndicatorRow): boolean => isPlaceholderNameCached(row.name);

/** Scores one indicator row under the rule set, with its explanation (rules.md §4–6, GEN-3). */
export const scoreIndicator = (row: IndicatorRow, index: number, ruleSet: RuleSet, ref: string): IndicatorScore => {
  const options = parseOptions(row);
  const target = parseValueCached(row.target, options);
  const actual = parseValueCached(row.actual, options);
  const weightDec = cellValue(readNumberCell(row.weight));
  const statedDec = cellValue(readNumberCell(row.statedScore));
  const weight = weightDec === null ? null : round2(weightDec);
  const statedScore = statedDec === null ? null : round2(statedDec);

  if (isPlaceholderRow(row)) {
    return {
      index,
      weight,
      statedScore,
      target,
      actual,
      placeholder: true,
      direction: null,
      directionSource: null,
      qualitative: false,
      tier: null,
      deviation: null,
      rulePoints: null,
      points: 0,
      basis: 'missing',
      blocker: null,
      explanation: explain(ref, 'PARSE-2', 0, 'missing', '占位行不计分', '模板占位行（未填写的指标行），不计分。'),
    };
  }

  const { direction, source, reason } = directionOf(row, target.ok ? target.value : null);
  const outcome = scoreRow(row, index, target, actual, direction, ruleSet);
  const w = weightDec ?? ZERO;

  if (outcome.kind === 'blocked') {
    const clamped =
      statedDec === null ? null : weightDec === null ? maxDec(statedDec, ZERO) : clampDec(statedDec, ZERO, w);
    const points = clamped === null ? 0 : round2(clamped);
    const basis = clamped === null ? 'missing' : 'stated';
    const text =
      basis === 'stated'
        ? `${outcome.blocker.message}；无法按规则复核，暂按填报得分 ${fmt2(points)} 分计（总分为暂定）。`
        : `${outcome.blocker.message}；无法按规则复核且未填写得分，按0分计。`;
    return {
      index,
      weight,
      statedScore,
      target,
      actual,
      placeholder: false,
      direction,
      directionSource: source,
      qualitative: target.ok && target.value.kind === 'qualitative',
      tier: null,
      deviation: null,
      rulePoints: null,
      points,
      basis,
      blocker: outcome.blocker,
      explanation: explain(
        ref,
        'GEN-3',
        points,
        basis,
        basis === 'stated' ? `采用填报得分 ${fmt2(points)}` : '0',
        text,
        {
          target: row.target.trim(),
          actual: row.actual.trim(),
          weight,
          statedScore,
        },
      ),
    };
  }

  const { computed } = outcome;
  let rulePointsDec = w.times(computed.share);
  let rule = computed.rule;
  let formula = `${plain(w)} × ${computed.formula}`;
  let text = `${computed.text}；${computed.qualitative ? '' : `方向${COMPARATOR_SIGNS[direction]}（${reason}）；`}`;

  if (computed.tier !== null && statedDec !== null) {
    const [low, high] = ruleSet.qualitative.bands[computed.tier];
    const inBand =
      statedDec.gte(w.times(low)) &&
      (computed.tier === 'achieved' ? statedDec.lte(w.times(high)) : statedDec.lt(w.times(high)));
    if (inBand) {
      rulePointsDec = statedDec;
      formula = `填报得分 ${plain(statedDec)} 在档位区间 [${fmt2(w.times(low))}, ${fmt2(w.times(high))}] 内，予以保留`;
    } else {
      formula = `${plain(w)} × ${ruleSet.qualitative.defaultShare[computed.tier]}（${TIER_LABELS[computed.tier]}默认比例）`;
    }
  }
  const rulePoints = round2(rulePointsDec);
  let pointsDec = rulePointsDec;
  const threshold = dec(ruleSet.overAchievement.threshold);
  if (computed.deviation?.gte(threshold) && ruleSet.overAchievement.deduction > 0) {
    pointsDec = maxDec(ZERO, pointsDec.minus(ruleSet.overAchievement.deduction));
    rule = `${rule}+QUANT-DEV-1`;
    formula = `${formula} − ${ruleSet.overAchievement.deduction}（超额完成扣分）`;
    text += `超出目标 ${fmt2(computed.deviation.times(100))}%，达到${fmt2(threshold.times(100))}%的偏离阈值，扣${ruleSet.overAchievement.deduction}分；`;
  }
  const points = round2(clampDec(pointsDec, ZERO, w));
  text += `得 ${fmt2(points)} 分（满分 ${plain(w)}）。`;
  return {
    index,
    weight,
    statedScore,
    target,
    actual,
    placeholder: false,
    direction,
    directionSource: source,
    qualitative: computed.qualitative,
    tier: computed.tier,
    deviation: computed.deviation === null ? null : computed.deviation.toFixedNumber(6),
    rulePoints,
    points,
    basis: 'computed',
    blocker: null,
    explanation: explain(ref, rule, points, 'computed', `${formula} = ${fmt2(points)}`, text, {
      target: row.target.trim(),
      actual: row.actual.trim(),
      weight,
      statedScore,
      direction,
    }),
  };
};
