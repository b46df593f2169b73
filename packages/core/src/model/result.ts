import type { FindingCode, Severity } from '../audit/codes.ts';
import type { Comparator, ComparatorSource, ParseResult } from '../parse/types.ts';

/** Where a component's points come from (GEN-3). */
export type Basis = 'computed' | 'stated' | 'missing';

/** Best first, as rules.md lists them. */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];

export const isGrade = (value: string): value is Grade => GRADES.some((grade) => grade === value);

export const GRADE_LABELS: Record<Grade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

export type QualitativeTier = 'achieved' | 'partial' | 'notAchieved';

/** Every computed number carries this (GEN-4). */
export type Explanation = {
  /** Rule id from rules.md, e.g. "QUANT-POS-1". */
  rule: string;
  /** `ruleSetId@version` it was computed under. */
  ruleSet: string;
  /** The formula with the numbers filled in, e.g. "5 × min(1434 / 1434, 1) = 5.00". */
  formula: string;
  inputs: Record<string, string | number | null>;
  points: number;
  basis: Basis;
  /** One or two Chinese sentences a unit clerk can follow. */
  text: string;
};

/** Why an indicator could not be computed (GEN-3); the audit turns it into the finding of the same code. */
export type ScoreBlocker = {
  code: 'TARGET_MISSING' | 'ACTUAL_MISSING' | 'UNPARSEABLE_VALUE' | 'UNIT_MISMATCH' | 'COMPOUND_PARTS_MISMATCH';
  where: string;
  message: string;
};

export type IndicatorScore = {
  /** Index into `form.indicators`. */
  index: number;
  placeholder: boolean;
  weight: number | null;
  statedScore: number | null;
  target: ParseResult;
  actual: ParseResult;
  direction: Comparator | null;
  directionSource: ComparatorSource | null;
  qualitative: boolean;
  tier: QualitativeTier | null;
  /** Relative deviation from the target in the good direction ((a − t) / t for gte), when defined. */
  deviation: number | null;
  /** What the rule alone gives, before any over-achievement deduction. */
  rulePoints: number | null;
  /** Final points counted in the total (after deduction, GEN-3 basis applied). */
  points: number;
  basis: Basis;
  blocker: ScoreBlocker | null;
  explanation: Explanation;
};

export type ExecutionScore = {
  budgetBasis: 'adjusted' | 'initial' | null;
  /** Integer 分. */
  budgetFen: number | null;
  executedFen: number | null;
  /** Percent, rounded half-up to 2 dp (73.03), not capped. */
  rate: number | null;
  /** Unrounded ratio executed / budget, as a decimal string, for downstream exact use. */
  ratio: string | null;
  weight: number;
  points: number;
  basis: Basis;
  explanation: Explanation;
};

export type Finding = {
  code: FindingCode;
  severity: Severity;
  /** Chinese; names the row and the numbers. */
  message: string;
  /** Path into the form, e.g. "indicators[3].target", "funds.adjustedBudget", "narrative.section7". */
  where: string;
  /** "AUDIT-<code>" or the rule that raised it. */
  rule: string;
};

export type CapApplied = { rate: number; maxTotal: number; before: number; explanation: Explanation };

export type EvaluationResult = {
  ruleSet: string;
  execution: ExecutionScore;
  indicators: IndicatorScore[];
  /** Recomputed execution score + Σ stated indicator scores (TOTAL-2, what an auditor re-adds). */
  checkTotal: number;
  /** Engine total after rescoring every indicator and any cap (TOTAL-1, TOTAL-3). */
  totalScore: number;
  statedTotal: number | null;
  grade: Grade;
  provisional: boolean;
  cap: CapApplied | null;
  findings: Finding[];
};
