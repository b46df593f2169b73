/**
 * Judges the engine's outcome for one corpus file against what a careful auditor derived from it
 * (`shared/corpus/expected.json`). Mirrors the corpus's reference scorer (`score.py`) check for check, plus the
 * indicator count, a stricter refusal (code and kind named) and "no form reads with blank funds unwarned".
 * Pure: the caller reads the files and runs the engine.
 */

/** One case of expected.json, as far as the checks read it. */
export type ExpectedCase = {
  case: string;
  file: string;
  kind: string;
  layout: string;
  complete: boolean;
  readable: boolean;
  indicatorRows: number;
  executionRate: number | null;
  executionScore: number | null;
  recomputedTotal: number | null;
  expectedFindings: readonly string[];
  otherFindings: readonly string[];
  expectedAnyOf: readonly (readonly string[])[];
  mustNotFind: readonly string[];
};

type FundsRead = { initialBudget: number | null; adjustedBudget: number | null; executed: number | null };

/** What the checks read of one form's summary (a structural subset of EvaluationSummary). */
export type FormOutcome = {
  executionRate: number | null;
  executionScore: number | null;
  recomputedTotal: number | null;
  findings: readonly { code: string }[];
  indicators: readonly unknown[];
  funds: FundsRead;
  warnings: readonly { code: string; message: string }[];
};

/** Why a file, or a form in it, was not read as a self-evaluation. */
export type Refusal = { code: string; message: string };

/**
 * The engine's answer for one file: the forms it read, in file order, and whether the first form — the one the
 * expectations describe — was refused while later ones were read; or the whole file refused.
 */
export type EngineOutcome =
  | { ok: true; summaries: readonly FormOutcome[]; firstRefused: Refusal | null }
  | ({ ok: false } & Refusal);

export const CHECK_KINDS = [
  'read',
  'refusal',
  'executionRate',
  'executionScore',
  'recomputedTotal',
  'finding',
  'anyOf',
  'falseAlarm',
  'indicatorCount',
  'blankFunds',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** `subject` is the code, group or figure a check is about, so failures can be counted per code. */
export type Check = { kind: CheckKind; name: string; subject: string; passed: boolean };

/** findings.md: figures agree within 0.01, and "more than 0.01" is strict; 1e-9 absorbs binary fractions. */
export const TOLERANCE = 0.01 + 1e-9;

/** What a right refusal names, per kind of non-self-evaluation (the reason must say what was found). */
const REFUSAL_WORDING: Readonly<Record<string, RegExp>> = {
  'target-declaration': /申报|目标/u,
  'funds-only': /(没有|无|未找到|缺少|缺)[^。；]{0,8}指标|指标[^。；]{0,8}(缺失|为空)/u,
};

const REFUSAL_CODE = 'NOT_A_SELF_EVALUATION';

const codesOf = (form: FormOutcome | undefined): Set<string> => new Set(form?.findings.map((finding) => finding.code));

/** The first form of the file: read, refused, or absent (a file read with no form in it). */
const firstForm = (outcome: EngineOutcome): { read: FormOutcome } | { refused: Refusal } | null => {
  if (!outcome.ok) return { refused: outcome };
  if (outcome.firstRefused) return { refused: outcome.firstRefused };
  const [first] = outcome.summaries;
  return first ? { read: first } : null;
};

const refusalCheck = (expected: ExpectedCase, outcome: EngineOutcome): Check => {
  const wording = REFUSAL_WORDING[expected.kind];
  const first = firstForm(outcome);
  const passed =
    first === null
      ? false
      : 'read' in first
        ? codesOf(first.read).has(REFUSAL_CODE)
        : first.refused.code === REFUSAL_CODE && (wording === undefined || wording.test(first.refused.message));
  return { kind: 'refusal', name: `refused as ${expected.kind}`, subject: expected.kind, passed };
};

const figureCheck = (
  key: 'executionRate' | 'executionScore' | 'recomputedTotal',
  want: number,
  form: FormOutcome | undefined,
): Check => {
  const got = form?.[key] ?? null;
  return {
    kind: key,
    name: `${key} ${want} (got ${got})`,
    subject: key,
    passed: got !== null && Math.abs(got - want) <= TOLERANCE,
  };
};

const fundsBlank = (funds: FundsRead): boolean =>
  funds.initialBudget === null && funds.adjustedBudget === null && funds.executed === null;

/** A warning "about the fund block": its code or its message names the funds. */
const warnsAboutFunds = (form: FormOutcome): boolean =>
  form.warnings.some((warning) => /FUND/iu.test(warning.code) || /资金|预算|执行数/u.test(warning.message));

/**
 * Forms (by index in the file) read with every fund figure blank and no warning saying so: a reader that lost
 * the fund block must say it did, or a rate of "—" looks like a unit that spent nothing. A form the engine
 * reports as NOT_A_SELF_EVALUATION is a refusal, not a reading, so its funds are not asked for.
 */
export const formsWithSilentBlankFunds = (outcome: EngineOutcome): number[] =>
  outcome.ok
    ? outcome.summaries.flatMap((form, index) =>
        fundsBlank(form.funds) && !warnsAboutFunds(form) && !codesOf(form).has(REFUSAL_CODE) ? [index] : [],
      )
    : [];

const readChecks = (expected: ExpectedCase, outcome: EngineOutcome): Check[] => {
  const first = firstForm(outcome);
  const form = first !== null && 'read' in first ? first.read : undefined;
  const codes = codesOf(form);
  const checks: Check[] = [{ kind: 'read', name: 'read', subject: 'read', passed: form !== undefined }];
  for (const key of ['executionRate', 'executionScore', 'recomputedTotal'] as const) {
    const want = expected[key];
    if (want !== null) checks.push(figureCheck(key, want, form));
  }
  for (const code of [...expected.expectedFindings, ...expected.otherFindings]) {
    checks.push({ kind: 'finding', name: code, subject: code, passed: codes.has(code) });
  }
  for (const group of expected.expectedAnyOf) {
    const name = group.join('|');
    checks.push({ kind: 'anyOf', name, subject: name, passed: group.some((code) => codes.has(code)) });
  }
  const falseAlarms = expected.mustNotFind.filter((code) => codes.has(code)).sort();
  checks.push({
    kind: 'falseAlarm',
    name: falseAlarms.length > 0 ? `false alarm ${falseAlarms.join(',')}` : 'no false alarm',
    subject: form === undefined ? 'not read' : falseAlarms.join(','),
    passed: form !== undefined && falseAlarms.length === 0,
  });
  const rows = form?.indicators.length ?? null;
  checks.push({
    kind: 'indicatorCount',
    name: `indicator rows ${expected.indicatorRows} (got ${rows})`,
    subject: 'indicatorRows',
    passed: rows === expected.indicatorRows,
  });
  return checks;
};

/** Every check of one case, in score.py's order, then the checks score.py does not make. */
export const checkCase = (expected: ExpectedCase, outcome: EngineOutcome): Check[] => {
  const checks = expected.readable ? readChecks(expected, outcome) : [refusalCheck(expected, outcome)];
  const silent = formsWithSilentBlankFunds(outcome);
  // Only raised when it happens, so a file whose funds read does not inflate the passed count.
  if (silent.length > 0) {
    checks.push({
      kind: 'blankFunds',
      name: `blank funds without a warning (form ${silent.map((index) => index + 1).join(', ')})`,
      subject: 'blankFunds',
      passed: false,
    });
  }
  return checks;
};
