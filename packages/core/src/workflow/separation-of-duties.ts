import { AppError } from '../errors.ts';

/**
 * Separation of duties (不相容职务分离): whoever produced or is concerned by a piece of work must not be the one
 * who decides on it. Holding two roles is allowed — a small unit may have only one person for both — so the rule
 * is applied when a decision is taken, to the people of that one decision, not when roles are granted.
 *
 * Written once for every decision that needs it: the review of a revision (its submitter and its last editor),
 * and later rectifications and appeals (the person they concern).
 */
export type DecisionParties = {
  /** Who is deciding. */
  deciderId: string;
  /** Who may not decide: authors of the work, or the person the matter concerns. Null ids (system) are ignored. */
  involvedIds: readonly (string | null)[];
  /** What is decided, as the message names it (e.g. “审核通过”). */
  decision: string;
};

export type SeparationDecision = { ok: true } | { ok: false; code: 'SEPARATION_OF_DUTIES'; message: string };

export const decideSeparation = ({ deciderId, involvedIds, decision }: DecisionParties): SeparationDecision =>
  involvedIds.includes(deciderId)
    ? {
        ok: false,
        code: 'SEPARATION_OF_DUTIES',
        message: `不能对本人提交、修改或与本人相关的内容执行“${decision}”，请由其他有权限的人员办理`,
      }
    : { ok: true };

/** As `decideSeparation`, throwing the AppError of a refusal. */
export const assertSeparation = (parties: DecisionParties): void => {
  const decided = decideSeparation(parties);
  if (!decided.ok) throw new AppError(decided.code, decided.message, { decision: parties.decision });
};
