import type { EvaluationForm, FormKind } from '../model/form.ts';
import type { Finding } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';
import type { ScoredForm } from '../score/evaluate.ts';
import { FINDING_CODES, type FindingCode, type Severity } from './codes.ts';

export type AuditContext = { form: EvaluationForm; score: ScoredForm; ruleSet: RuleSet };

/** An audit check: a small pure function of the form and its score (rules.md §8). */
export type AuditCheck = (context: AuditContext) => Finding[];

export const finding = (code: FindingCode, where: string, message: string, severity?: Severity): Finding => ({
  code,
  severity: severity ?? FINDING_CODES[code].severity,
  message,
  where,
  rule: `AUDIT-${code}`,
});

export const rowName = (form: EvaluationForm, index: number): string =>
  `第${index + 1}行指标“${form.indicators[index]?.name.trim() || '（未命名）'}”`;

const NOT_BLANK = /[^\s\u3000]/u;

export const isBlankText = (text: string): boolean => !NOT_BLANK.test(text);

/** Exact comparison of 2-dp values (scores, weights, rates) in hundredths: |a − b| > tolerance. */
export const differsBy = (a: number, b: number, tolerance: number): boolean =>
  Math.abs(Math.round(a * 100) - Math.round(b * 100)) > Math.round(tolerance * 100);

/** Kinds that are not self-evaluations at all: refused with NOT_A_SELF_EVALUATION instead of being audited. */
export const isRefusedKind = (kind: FormKind): kind is 'target-declaration' | 'funds-only' =>
  kind === 'target-declaration' || kind === 'funds-only';

/**
 * The row a cut form stops in: its last row, whose cells may end mid-way. Nothing is judged from that row's
 * cells (a value cut to "服务范…" or a score not reached is not the unit's mistake); its name still counts.
 */
export const cutRowIndex = (form: EvaluationForm): number | null =>
  form.complete || form.indicators.length === 0 ? null : form.indicators.length - 1;
