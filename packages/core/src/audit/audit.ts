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
import { checkNarrativeFigures } from './checks/narrative.ts';
import { checkImplementingUnit, checkProjectFields, checkStaffing } from './checks/project.ts';
import { checkTypos } from './checks/typo.ts';
import type { Severity } from './codes.ts';
import type { AuditCheck } from './context.ts';

/** The audit table (rules.md §8), in the order findings are reported within a severity. */
export const AUDIT_CHECKS: readonly AuditCheck[] = [
  checkTotal,
  checkExecutionFigures,
  checkWeightsTotal,
  checkLevelWeights,
  checkScoreAboveWeight,
  checkGrade,
  checkBudgetBasis,
  checkFundSplit,
  checkBlockers,
  checkNarrativeFigures,
  checkMetTargetBelowWeight,
  checkScoreNotPerRule,
  checkShortfallWithoutNote,
  checkOverAchievement,
  checkLowExecution,
  checkProjectFields,
  checkOverspend,
  checkExecutionCap,
  checkNondefaultWeights,
  checkImplementingUnit,
  checkPlaceholderRows,
  checkStaffing,
  checkQualitativeOnlyOutcome,
  checkCostIndicator,
  checkTypos,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every check; findings come out errors first, then warnings, then info. */
export const auditEvaluation = (form: EvaluationForm, score: ScoredForm, ruleSet: RuleSet): Finding[] =>
  AUDIT_CHECKS.flatMap((check) => check({ form, score, ruleSet })).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
