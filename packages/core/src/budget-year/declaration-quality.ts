import { readingOf } from '../analysis/cross-year.ts';
import { finding, isBlankText } from '../audit/context.ts';
import { LEVEL1_KEYS, type Level1 } from '../model/form.ts';
import { LEVEL1_LABELS } from '../model/labels.ts';
import type { Finding } from '../model/result.ts';
import { unitFromName } from '../parse/units.ts';
import { parseValue } from '../parse/value.ts';
import type { RuleSet } from '../rules/schema.ts';
import { cellValue, readNumberCell } from '../score/cells.ts';
import { type Decimal, dec, fmt2, ZERO } from '../util/decimal.ts';
import type { DeclarationForm, DeclaredIndicator } from './declaration-form.ts';

/**
 * Target quality checks on a 绩效目标申报表 (issue 18): what makes a target unusable when the year is evaluated,
 * said while the unit can still change it. Pure; the same codes as the self-evaluation audit where the concern is
 * the same (TARGET_MISSING, COST_INDICATOR_MISSING), new ones where it only arises at declaration.
 */

export type LastYearActual = { name: string; actual: string };

const rowLabel = (row: DeclaredIndicator, index: number): string =>
  `第${index + 1}行指标“${row.name.trim() || '（未命名）'}”`;

const named = (form: DeclarationForm): { row: DeclaredIndicator; index: number }[] =>
  form.indicators.flatMap((row, index) => (isBlankText(row.name) ? [] : [{ row, index }]));

const unitHintOf = (row: DeclaredIndicator): string | null => row.measureUnit.trim() || unitFromName(row.name);

const targetMissing = (form: DeclarationForm): Finding[] =>
  named(form).flatMap(({ row, index }) =>
    isBlankText(row.target)
      ? [finding('TARGET_MISSING', `indicators[${index}].target`, `${rowLabel(row, index)}未填写年度指标值。`)]
      : [],
  );

/** 数量 and 时效 targets are counted or dated at the year's end; a sentence cannot be checked against anything. */
const MEASURED_LEVEL2 = new Set(['quantity', 'timeliness']);

const targetNotMeasurable = (form: DeclarationForm): Finding[] =>
  named(form).flatMap(({ row, index }) => {
    if (row.level1 !== 'output' || row.level2 === null || !MEASURED_LEVEL2.has(row.level2)) return [];
    if (isBlankText(row.target)) return [];
    const hint = unitHintOf(row);
    const parsed = parseValue(row.target, { comparatorColumn: row.comparator, ...(hint ? { unitHint: hint } : {}) });
    if (!parsed.ok || parsed.value.kind !== 'qualitative') return [];
    const kind =
      row.level2 === 'quantity'
        ? '数量指标应写明数量和计量单位，如“≥1200户”'
        : '时效指标应写明完成时限，如“2026年12月底前”';
    return [
      finding(
        'TARGET_NOT_MEASURABLE',
        `indicators[${index}].target`,
        `${rowLabel(row, index)}的年度指标值“${row.target.trim()}”为定性表述，年终无法据以衡量完成情况；${kind}。`,
      ),
    ];
  });

const costIndicatorMissing = (form: DeclarationForm): Finding[] =>
  named(form).some(({ row }) => row.level2 === 'cost' && row.level1 !== 'outcome' && row.level1 !== 'satisfaction')
    ? []
    : [
        finding(
          'COST_INDICATOR_MISSING',
          'indicators',
          '产出指标下没有成本指标（2021年起指标体系要求设置成本指标），请在申报时补充。',
          'warning',
        ),
      ];

const weightOf = (raw: string): Decimal => cellValue(readNumberCell(raw)) ?? ZERO;

/**
 * The declared weights against the rule set the evaluation will use: each level-1 block its default, and all
 * indicators together the total less the execution weight. Weights are read exactly, as the audit reads them.
 */
const declaredWeightsOffBlocks = (form: DeclarationForm, ruleSet: RuleSet): Finding[] => {
  if (named(form).length === 0) return [];
  const sums: Record<Level1, Decimal> = { output: ZERO, outcome: ZERO, satisfaction: ZERO };
  let total = ZERO;
  for (const row of form.indicators) {
    const weight = weightOf(row.weight);
    total = total.plus(weight);
    if (row.level1) sums[row.level1] = sums[row.level1].plus(weight);
  }
  const differences: string[] = [];
  for (const key of LEVEL1_KEYS) {
    if (key === 'satisfaction' && !ruleSet.satisfactionIsLevel1) continue;
    const expected = dec(ruleSet.level1Weights[key]);
    if (!sums[key].eq(expected)) {
      differences.push(`${LEVEL1_LABELS[key]}分值合计 ${fmt2(sums[key])} 分，规则应为 ${fmt2(expected)} 分`);
    }
  }
  const expectedTotal = dec(ruleSet.totalPoints).minus(ruleSet.executionWeight);
  if (!total.eq(expectedTotal)) {
    differences.push(
      `各指标分值合计 ${fmt2(total)} 分，应为 ${fmt2(expectedTotal)} 分（总分 ${ruleSet.totalPoints} 分减预算执行 ${ruleSet.executionWeight} 分）`,
    );
  }
  return differences.length === 0
    ? []
    : [finding('DECLARED_WEIGHTS_OFF_BLOCKS', 'indicators', `${differences.join('；')}。`)];
};

const normalise = (text: string): string => text.replace(/[\s\u3000（）()]/gu, '').toLowerCase();

/**
 * A target set below what was already achieved last year, for indicators where more is better: compared as the
 * cross-year analysis compares (TARGET_SANDBAGGING), one number with its unit each side.
 */
const targetBelowLastActual = (form: DeclarationForm, lastYearActuals: readonly LastYearActual[]): Finding[] => {
  const last = new Map(lastYearActuals.map((item) => [normalise(item.name), item.actual]));
  return named(form).flatMap(({ row, index }) => {
    const actualText = last.get(normalise(row.name));
    if (actualText === undefined) return [];
    const hint = unitHintOf(row);
    const target = readingOf(row.target, hint, row.comparator);
    const actual = readingOf(actualText, hint, row.comparator);
    if (!target || !actual || target.lowerIsBetter) return [];
    if (target.unit !== actual.unit && target.unit !== null && actual.unit !== null) return [];
    if (!target.value.lt(actual.value)) return [];
    const unit = target.unit ?? actual.unit ?? '';
    return [
      finding(
        'TARGET_BELOW_LAST_ACTUAL',
        `indicators[${index}].target`,
        `${rowLabel(row, index)}的年度指标值 ${target.value.toString()}${unit} 低于上年实际完成值 ${actual.value.toString()}${unit}，目标可能设定偏低。`,
      ),
    ];
  });
};

/**
 * Every check of a declaration, in the order a reviewer reads the form: rows without targets, targets that cannot
 * be measured or sit below last year's result, then what the indicator set as a whole lacks.
 */
export const checkDeclaration = (
  form: DeclarationForm,
  ruleSet: RuleSet,
  lastYearActuals: readonly LastYearActual[],
): Finding[] => [
  ...targetMissing(form),
  ...targetNotMeasurable(form),
  ...targetBelowLastActual(form, lastYearActuals),
  ...costIndicatorMissing(form),
  ...declaredWeightsOffBlocks(form, ruleSet),
];
