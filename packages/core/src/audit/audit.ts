import type { EvaluationForm } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';
import type { ScoredForm } from '../score/evaluate.ts';
import {
  checkExecutionFigures,
  checkGrade,
  checkLevelWeights,
  checkNondefaultWeights,
  checkScoreAboveWeight,
  checkTotal,
  checkWeightsTotal,
} from './checks/arithmetic.ts';
import { checkFormKind, checkIncompleteForm } from './checks/form-kind.ts';
import {
  checkBudgetBasis,
  checkExecutionCap,
  checkFundSplit,
  checkLowExecution,
  checkOverspend,
} from './checks/funds.ts';
import {
  checkBlockers,
  checkCostIndicator,
  checkMetTargetBelowWeight,
  checkOverAchievement,
  checkPlaceholderRows,
  checkQualitativeOnlyOutcome,
  checkScoreNotPerRule,
  checkShortfallWithoutNote,
} from './checks/indicators.ts';
import { checkProblemsWithoutMeasures } from './checks/measures.ts';
import { checkNarrativeFigures } from './checks/narrative.ts';
import { checkImplementingUnit, checkProjectFields, checkStaffing } from './checks/project.ts';
import { checkTypos } from './checks/typo.ts';
import type { Severity } from './codes.ts';
import { type AuditCheck, isRefusedKind } from './context.ts';

/**
 * What a check needs of the form to be judged at all: stated scores (not on an unscored form, which has no 分值
 * or 得分 to check) and the whole table (not on a cut form: findings.md INCOMPLETE_FORM).
 */
type Need = 'scores' | 'wholeTable';

type AuditEntry = { check: AuditCheck; needs: readonly Need[] };

/** The audit table (rules.md §8), in the order findings are reported within a severity. */
const AUDIT_TABLE: readonly AuditEntry[] = [
  { check: checkTotal, needs: ['scores', 'wholeTable'] },
  { check: checkExecutionFigures, needs: [] },
  { check: checkWeightsTotal, needs: ['scores', 'wholeTable'] },
  { check: checkLevelWeights, needs: ['scores', 'wholeTable'] },
  { check: checkScoreAboveWeight, needs: ['scores'] },
  { check: checkGrade, needs: ['scores', 'wholeTable'] },
  { check: checkBudgetBasis, needs: [] },
  { check: checkFundSplit, needs: [] },
  { check: checkBlockers, needs: [] },
  { check: checkNarrativeFigures, needs: [] },
  { check: checkMetTargetBelowWeight, needs: ['scores'] },
  { check: checkScoreNotPerRule, needs: ['scores'] },
  { check: checkShortfallWithoutNote, needs: ['scores'] },
  { check: checkOverAchievement, needs: [] },
  { check: checkLowExecution, needs: [] },
  { check: checkProjectFields, needs: [] },
  { check: checkOverspend, needs: [] },
  { check: checkExecutionCap, needs: ['scores', 'wholeTable'] },
  { check: checkNondefaultWeights, needs: ['scores'] },
  { check: checkImplementingUnit, needs: [] },
  { check: checkPlaceholderRows, needs: [] },
  { check: checkStaffing, needs: [] },
  { check: checkQualitativeOnlyOutcome, needs: [] },
  { check: checkCostIndicator, needs: [] },
  { check: checkTypos, needs: [] },
  { check: checkIncompleteForm, needs: [] },
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const bySeverity = (a: Finding, b: Finding): number => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

const NEED_MET: Record<Need, (form: EvaluationForm) => boolean> = {
  // Read without scores, but once someone fills in a 分值 or 得分 (in the editor) the scores are there to check.
  scores: (form) =>
    form.formKind !== 'unscored' ||
    form.indicators.some((row) => row.weight.trim() !== '' || row.statedScore.trim() !== ''),
  wholeTable: (form) => form.complete,
};

/**
 * Runs every check that applies to the kind of form read; findings come out errors first, then warnings, then
 * info. A target declaration or a funds-only page is not audited as a self-evaluation: it gets the refusal
 * (and INCOMPLETE_FORM if cut) only, since every other check would judge actual values or scores it cannot have.
 */
export const auditEvaluation = (form: EvaluationForm, score: ScoredForm, ruleSet: RuleSet): Finding[] => {
  const context = { form, score, ruleSet };
  if (isRefusedKind(form.formKind)) {
    return [...checkFormKind(context), ...checkIncompleteForm(context)].sort(bySeverity);
  }
  // Each need is judged once per form, not once per check that has it.
  const met: Record<Need, boolean> = { scores: NEED_MET.scores(form), wholeTable: NEED_MET.wholeTable(form) };
  const findings: Finding[] = [];
  for (const entry of AUDIT_TABLE) {
    if (entry.needs.every((need) => met[need])) for (const found of entry.check(context)) findings.push(found);
  }
  // Whether measures are missing depends on what the other checks found, so this one comes last.
  for (const found of checkProblemsWithoutMeasures(context, findings)) findings.push(found);
  return findings.sort(bySeverity);
};
