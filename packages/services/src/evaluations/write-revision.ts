import { randomUUID } from 'node:crypto';
import {
  AppError,
  type EvaluationForm,
  type EvaluationResult,
  evaluate,
  type FundCells,
  readFen,
  requireRuleSet,
} from '@jixiao/core';
import {
  type Db,
  type Evaluation,
  type FundSource,
  insertCurrentRevision,
  insertNextRevision,
  type RevisionFacts,
  type RevisionKind,
  type RevisionSummary,
} from '@jixiao/db';

const FUND_ROWS: readonly [
  FundSource,
  keyof Pick<EvaluationForm['funds'], 'total' | 'currentAppropriation' | 'priorYearCarryover' | 'other'>,
][] = [
  ['total', 'total'],
  ['current_appropriation', 'currentAppropriation'],
  ['prior_year_carryover', 'priorYearCarryover'],
  ['other', 'other'],
];

const fundFacts = (form: EvaluationForm) =>
  FUND_ROWS.map(([source, key]) => {
    const cells: FundCells = form.funds[key];
    return {
      source,
      initial: readFen(cells.initialBudget, form.funds.unit),
      adjusted: readFen(cells.adjustedBudget, form.funds.unit),
      executed: readFen(cells.executed, form.funds.unit),
    };
  }).filter((row) => row.initial !== null || row.adjusted !== null || row.executed !== null);

const decimalText = (value: number | null): string | null => (value === null ? null : value.toFixed(2));

export type WrittenRevision = { revision: RevisionSummary; result: EvaluationResult };

type RevisionSource = { kind: RevisionKind; fileName: string | null };

/** The form scored, and the rows that store it: the revision and its analytic copies. */
const scoredRevision = (
  evaluation: Pick<Evaluation, 'id' | 'organization_id' | 'rule_set_id'>,
  form: EvaluationForm,
  source: RevisionSource,
  createdBy: string,
  now: Date,
) => {
  const result = evaluate(form, requireRuleSet(evaluation.rule_set_id));
  const revisionId = randomUUID();
  const values = {
    id: revisionId,
    organization_id: evaluation.organization_id,
    evaluation_id: evaluation.id,
    kind: source.kind,
    form: JSON.stringify(form),
    result: JSON.stringify(result),
    rule_set: result.ruleSet,
    total_score: result.totalScore.toFixed(2),
    grade: result.grade,
    source_file_name: source.fileName,
    created_by: createdBy,
    created_at: now,
  };
  const facts: RevisionFacts = {
    fundBlocks: fundFacts(form).map((row) => ({
      id: randomUUID(),
      organization_id: evaluation.organization_id,
      revision_id: revisionId,
      source: row.source,
      initial_budget_fen: row.initial,
      adjusted_budget_fen: row.adjusted,
      executed_fen: row.executed,
    })),
    indicatorResults: result.indicators
      .filter((indicator) => !indicator.placeholder)
      .map((indicator) => {
        const row = form.indicators[indicator.index];
        return {
          id: randomUUID(),
          organization_id: evaluation.organization_id,
          evaluation_id: evaluation.id,
          revision_id: revisionId,
          row_index: indicator.index,
          level1: row?.level1 ?? null,
          level2: row?.level2 ?? null,
          name: row?.name ?? '',
          target: row?.target ?? '',
          actual: row?.actual ?? '',
          weight: decimalText(indicator.weight),
          stated_score: decimalText(indicator.statedScore),
          points: indicator.points.toFixed(2),
          basis: indicator.basis,
          rule: indicator.explanation.rule,
        };
      }),
  };
  return { result, values, facts };
};

/**
 * Scores the form and stores it as a new immutable revision with its analytic rows. The caller points the
 * evaluation at it (in the same transaction).
 */
export const writeRevision = async (
  trx: Db,
  evaluation: Pick<Evaluation, 'id' | 'organization_id' | 'rule_set_id'>,
  form: EvaluationForm,
  kind: RevisionKind,
  createdBy: string,
  now: Date,
): Promise<WrittenRevision> => {
  const { result, values, facts } = scoredRevision(evaluation, form, { kind, fileName: null }, createdBy, now);
  return { revision: await insertNextRevision(trx, values, facts), result };
};

/**
 * Writes the form as a new revision and points the evaluation at it, if nobody saved since the version read
 * (else CONFLICT: the transaction rolls back and nothing is lost), in one statement. Callers add their own audit
 * entry.
 */
export const saveRevision = async (
  trx: Db,
  evaluation: Pick<Evaluation, 'id' | 'organization_id' | 'rule_set_id' | 'version'>,
  form: EvaluationForm,
  source: RevisionSource,
  actorId: string,
  now: Date,
  changes: Parameters<typeof insertCurrentRevision>[4] = {},
): Promise<{ revisionId: string; result: EvaluationResult; updated: Evaluation }> => {
  const { result, values, facts } = scoredRevision(evaluation, form, source, actorId, now);
  const updated = await insertCurrentRevision(trx, values, facts, evaluation.version, {
    ...changes,
    total_score: result.totalScore,
    grade: result.grade,
  });
  if (!updated) throw new AppError('CONFLICT');
  return { revisionId: values.id, result, updated };
};
