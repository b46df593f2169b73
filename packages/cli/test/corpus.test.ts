/**
 * The shared corpus of real published reports (issue 13): every case of `shared/corpus/expected.json` read,
 * scored and audited through the CLI's pipeline and judged by the checks of `testing/corpus/check-case.ts`; then
 * the whole folder through the bulk audit. A missing corpus fails here: CI keeps it beside the clone.
 */
import { join, relative } from 'node:path';
import { findRuleSet } from '@jixiao/core';
import { auditFolder, listReportFiles } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import { checkCase, type ExpectedCase, formsWithSilentBlankFunds } from '../testing/corpus/check-case.ts';
import { corpusDir, loadCorpus } from '../testing/corpus/corpus.ts';
import { engineOutcome } from '../testing/corpus/engine-outcome.ts';

const dir = corpusDir();
const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

const loaded = ((): { cases: ExpectedCase[]; error: null } | { cases: []; error: string } => {
  try {
    return { cases: loadCorpus(dir), error: null };
  } catch (error) {
    return { cases: [], error: error instanceof Error ? error.message : String(error) };
  }
})();

describe('the shared corpus', () => {
  it('is present', () => {
    expect(loaded.error, loaded.error ?? '').toBeNull();
  });

  it.each(
    loaded.cases.map((expected) => [`${expected.case} (${expected.kind}, ${expected.layout})`, expected] as const),
  )('%s', async (_name, expected) => {
    const checks = checkCase(expected, await engineOutcome(join(dir, expected.file), ruleSet));
    const failed = checks.filter((check) => !check.passed).map((check) => check.name);
    expect(failed, `${expected.case} failed ${failed.length} of ${checks.length} checks: ${failed.join('; ')}`).toEqual(
      [],
    );
  });

  it('has no file that reads with every fund figure blank and no warning about the fund block', async () => {
    const silent: string[] = [];
    for (const file of await listReportFiles(dir, true)) {
      const forms = formsWithSilentBlankFunds(await engineOutcome(file, ruleSet));
      if (forms.length > 0) silent.push(`${file} (form ${forms.map((index) => index + 1).join(', ')})`);
    }
    expect(silent, `blank funds, no warning: ${silent.join('; ')}`).toEqual([]);
  });

  it('audits as one folder without a crash or a hang: every file read or refused with a coded reason', async () => {
    const files = (await listReportFiles(dir, true)).map((file) => relative(dir, file));
    const summary = await auditFolder({ dir, recursive: true, jobs: 2, ruleSetId: 'national-2020' });
    // A file holding several forms has an entry per form: every file is accounted for by at least one.
    const answered = new Set([...summary.rows, ...summary.failures].map((entry) => entry.file));
    expect(files.filter((file) => !answered.has(file))).toEqual([]);
    // INTERNAL is what the bulk audit answers when a reader threw or a worker died: a crash, not a refusal.
    const crashed = summary.failures.filter((failure) => failure.code === 'INTERNAL' || failure.reason.trim() === '');
    expect(crashed, crashed.map((failure) => `${failure.file}: ${failure.reason}`).join('; ')).toEqual([]);
  });
});
