import { auditEvaluation } from '../audit/audit.ts';
import type { EvaluationForm } from '../model/form.ts';
import type { CapApplied, EvaluationResult } from '../model/result.ts';
import { requireRuleSet } from '../rules/rule-sets.ts';
import { type RuleSet, ruleSetRef } from '../rules/schema.ts';
import { dec, fmt2, round2 } from '../util/decimal.ts';
import { cellValue, readNumberCell } from './cells.ts';
import { scoreExecution } from './execution.ts';
import { explain } from './explain.ts';
import { gradeOf } from './grade.ts';
import { scoreIndicator } from './indicator.ts';

export type ScoredForm = Omit<EvaluationResult, 'findings'>;

const resolveRuleSet = (ruleSet: RuleSet | string | undefined): RuleSet =>
  typeof ruleSet === 'object' ? ruleSet : requireRuleSet(ruleSet);

/** TOTAL-3: the cap for a displayed execution rate, if the rule set has one. */
const capFor = (rate: number | null, ruleSet: RuleSet): RuleSet['executionCaps'][number] | undefined => {
  if (rate === null) return undefined;
  const ratio = dec(rate).div(100);
  return ruleSet.executionCaps.find((cap) => ratio.gte(cap.from) && ratio.lt(cap.below));
};

/** Scores a form: execution, every indicator, totals, cap and grade (rules.md §3–7). Pure. */
export const scoreForm = (form: EvaluationForm, ruleSet: RuleSet): ScoredForm => {
  const ref = ruleSetRef(ruleSet);
  const execution = scoreExecution(form, ruleSet);
  const indicators = form.indicators.map((row, index) => scoreIndicator(row, index, ruleSet, ref));
  const scored = indicators.filter((indicator) => !indicator.placeholder);

  const executionPoints = dec(execution.points);
  const checkTotal = round2(scored.reduce((sum, item) => sum.plus(item.statedScore ?? 0), executionPoints));
  const uncapped = scored.reduce((sum, item) => sum.plus(item.points), executionPoints);
  const ceiling = dec(ruleSet.totalPoints);
  let total = uncapped.gt(ceiling) ? ceiling : uncapped;

  let cap: CapApplied | null = null;
  const rule = capFor(execution.rate, ruleSet);
  if (rule && execution.rate !== null && total.gt(rule.maxTotal)) {
    const before = round2(total);
    total = dec(rule.maxTotal);
    cap = {
      rate: execution.rate,
      maxTotal: rule.maxTotal,
      before,
      explanation: explain(
        ref,
        'TOTAL-3',
        rule.maxTotal,
        'computed',
        `min(${fmt2(before)}, ${rule.maxTotal}) = ${fmt2(rule.maxTotal)}`,
        `预算执行率 ${fmt2(execution.rate)}% 处于 [${fmt2(rule.from * 100)}%, ${fmt2(rule.below * 100)}%) 区间，规则集“${ruleSet.name}”规定总分不超过 ${rule.maxTotal} 分，总分由 ${fmt2(before)} 调整为 ${fmt2(rule.maxTotal)}。`,
        { rate: execution.rate, before, maxTotal: rule.maxTotal },
      ),
    };
  }
  const totalScore = round2(total);
  const statedTotalDec = cellValue(readNumberCell(form.statedTotal.score));
  return {
    ruleSet: ref,
    execution,
    indicators,
    checkTotal,
    totalScore,
    statedTotal: statedTotalDec === null ? null : round2(statedTotalDec),
    grade: gradeOf(totalScore, ruleSet.gradeBands),
    provisional: execution.basis !== 'computed' || scored.some((item) => item.basis !== 'computed'),
    cap,
  };
};

/**
 * Scores and audits a form under a rule set (default national-2020). Pure: the same form and rule set always
 * give the same result. Throws AppError UNKNOWN_RULE_SET only for an unknown rule-set id.
 */
export const evaluate = (form: EvaluationForm, ruleSet?: RuleSet | string): EvaluationResult => {
  const resolved = resolveRuleSet(ruleSet);
  const scored = scoreForm(form, resolved);
  const findings = auditEvaluation(form, scored, resolved);
  // Written out rather than spread: V8 copies a spread source property by property (the key order is the same).
  return {
    ruleSet: scored.ruleSet,
    execution: scored.execution,
    indicators: scored.indicators,
    checkTotal: scored.checkTotal,
    totalScore: scored.totalScore,
    statedTotal: scored.statedTotal,
    grade: scored.grade,
    provisional: scored.provisional,
    cap: scored.cap,
    findings,
  };
};
