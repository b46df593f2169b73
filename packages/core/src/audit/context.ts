import type { EvaluationForm } from '../model/form.ts';
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

export const isBlankText = (text: string): boolean => text.replace(/[\s\u3000]+/gu, '').length === 0;
