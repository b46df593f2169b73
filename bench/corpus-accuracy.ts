/**
 * Accuracy on the shared corpus of published reports (issue 13): every case of `shared/corpus/expected.json`
 * through the CLI's pipeline, judged by the corpus test's checks; prints the table (per case, per failure kind,
 * in total) and times read + score per file against reading the same file and JSON.parse of its text, measured
 * in the same run. `--write` replaces the marked section of BENCHMARKS.md.
 *
 *   npx tsx bench/corpus-accuracy.ts [--write] [rounds=20]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRuleSet } from '@jixiao/core';
import { CHECK_KINDS, type Check, type CheckKind, checkCase } from '../packages/cli/testing/corpus/check-case.ts';
import { corpusDir, loadCorpus } from '../packages/cli/testing/corpus/corpus.ts';
import { engineOutcome } from '../packages/cli/testing/corpus/engine-outcome.ts';

const args = process.argv.slice(2);
const write = args.includes('--write');
const rounds = Number(args.find((arg) => /^\d+$/u.test(arg)) ?? 20);
const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');
const dir = corpusDir();
const cases = loadCorpus(dir);

type CaseResult = { case: string; kind: string; layout: string; checks: Check[] };

/** A file that throws is a crash, judged as a refusal with no code: every check of the case fails. */
const outcomeOf = async (file: string) =>
  engineOutcome(file, ruleSet).catch((error: unknown) => ({
    ok: false as const,
    code: 'CRASH',
    message: error instanceof Error ? error.message : String(error),
  }));

const results: CaseResult[] = [];
for (const expected of cases) {
  const checks = checkCase(expected, await outcomeOf(join(dir, expected.file)));
  results.push({ case: expected.case, kind: expected.kind, layout: expected.layout, checks });
}

const KIND_LABELS = {
  read: 'readable case not read',
  refusal: 'unreadable case not refused naming its kind',
  executionRate: 'execution rate wrong or missing',
  executionScore: 'execution score wrong or missing',
  recomputedTotal: 'recomputed total wrong or missing',
  finding: 'required finding not reported',
  anyOf: 'none of an either-or group reported',
  falseAlarm: 'false alarm (or not read)',
  indicatorCount: 'indicator count wrong',
  blankFunds: 'blank funds without a warning',
} as const satisfies Record<CheckKind, string>;

const all = results.flatMap((result) => result.checks);
const passed = all.filter((check) => check.passed).length;
const failed = all.filter((check) => !check.passed);
const whole = results.filter((result) => result.checks.every((check) => check.passed)).length;
const percent = (part: number, of: number): string => `${Math.round((100 * part) / Math.max(of, 1))}%`;

/** How often each subject (a code, a figure) failed within a kind, most often first. */
const countBy = (kind: CheckKind): string =>
  [
    ...failed
      .filter((check) => check.kind === kind)
      .flatMap((check) => check.subject.split(','))
      .reduce((counts, subject) => counts.set(subject, (counts.get(subject) ?? 0) + 1), new Map<string, number>()),
  ]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([subject, count]) => `${subject} ×${count}`)
    .join(', ') || '—';

// Timing: every file once more untimed (the accuracy pass warmed the readers), then `rounds` rounds, medians.
const files = cases.map((expected) => join(dir, expected.file));
const jsonTexts = files.map((file) => JSON.stringify(readFileSync(file, 'utf8')));
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const elapsedMs = async (run: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
let sink = 0;
const baseline = async (index: number) => {
  await readFile(files[index] ?? '');
  sink += (JSON.parse(jsonTexts[index] ?? '""') as string).length;
};
const engine = async (index: number) => {
  const outcome = await outcomeOf(files[index] ?? '');
  sink += outcome.ok ? outcome.summaries.length : outcome.message.length;
};
for (let index = 0; index < files.length; index++) {
  await baseline(index);
  await engine(index);
}
const baselineMs: number[][] = files.map(() => []);
const engineMs: number[][] = files.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let index = 0; index < files.length; index++) {
    baselineMs[index]?.push(await elapsedMs(() => baseline(index)));
    engineMs[index]?.push(await elapsedMs(() => engine(index)));
  }
}
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
const baselineTotal = sum(baselineMs.map(median));
const engineTotal = sum(engineMs.map(median));
const perFile = (total: number): number => Number((total / files.length).toFixed(3));

/** The code measured: the commit, and whether the packages had changes not yet committed. */
const revision = (): string => {
  try {
    const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'packages') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown revision';
  }
};

const result = {
  date: new Date().toISOString(),
  revision: revision(),
  node: process.version,
  corpus: dir,
  cases: cases.length,
  checks: all.length,
  passed,
  casesFullyRight: whole,
  byKind: Object.fromEntries(
    CHECK_KINDS.map((kind) => {
      const ofKind = all.filter((check) => check.kind === kind);
      return [kind, { checks: ofKind.length, failed: ofKind.filter((check) => !check.passed).length }];
    }),
  ) as Record<CheckKind, { checks: number; failed: number }>,
  perCase: results.map((entry, index) => ({
    case: entry.case,
    engineMs: Number(median(engineMs[index] ?? []).toFixed(3)),
    baselineMs: Number(median(baselineMs[index] ?? []).toFixed(3)),
    passed: entry.checks.filter((check) => check.passed).length,
    checks: entry.checks.length,
    failed: entry.checks.filter((check) => !check.passed).map((check) => check.name),
  })),
  rounds,
  baselineMsPerFile: perFile(baselineTotal),
  engineMsPerFile: perFile(engineTotal),
  ratio: Number((engineTotal / baselineTotal).toFixed(1)),
  sink,
};

const cellText = (text: string): string => text.replaceAll('|', '\\|');
const lines = [
  `**Results** (${result.date.slice(0, 10)}, ${result.revision}, ${result.node}, ${cases.length} cases, national-2020): ` +
    `**${passed} / ${all.length} checks (${percent(passed, all.length)})**, ${whole} / ${cases.length} cases fully right.`,
  '',
  '| case | kind | layout | checks passed | failed checks | ms (baseline) |',
  '|---|---|---|---|---|---|',
  ...results.map((entry, index) => {
    const ok = entry.checks.filter((check) => check.passed).length;
    const misses = entry.checks.filter((check) => !check.passed).map((check) => cellText(check.name));
    const { engineMs: ms, baselineMs: base } = result.perCase[index] ?? { engineMs: 0, baselineMs: 0 };
    return `| ${entry.case} | ${entry.kind} | ${entry.layout} | ${ok} / ${entry.checks.length} | ${misses.join('; ') || '—'} | ${ms} (${base}) |`;
  }),
  '',
  '| failure kind | failed / checks | which |',
  '|---|---|---|',
  ...CHECK_KINDS.filter((kind) => result.byKind[kind].checks > 0).map((kind) => {
    const { checks, failed: misses } = result.byKind[kind];
    const which = kind === 'finding' || kind === 'falseAlarm' || kind === 'anyOf' ? cellText(countBy(kind)) : '';
    return `| ${KIND_LABELS[kind]} | ${misses} / ${checks} | ${which} |`;
  }),
  `| **total** | **${all.length - passed} / ${all.length}** | |`,
  '',
  `Speed (medians of ${rounds} rounds, summed over the ${files.length} files): read + score + audit ` +
    `${result.engineMsPerFile} ms per file against ${result.baselineMsPerFile} ms for reading the file and ` +
    `JSON.parse of its text: **${result.ratio}×**.`,
];
const table = lines.join('\n');

writeFileSync(new URL('./results/corpus-accuracy.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(table);

if (write) {
  const start = '<!-- corpus-accuracy:start -->';
  const end = '<!-- corpus-accuracy:end -->';
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  const benchmarks = readFileSync(path, 'utf8');
  const from = benchmarks.indexOf(start);
  const to = benchmarks.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${start} … ${end} section`);
  writeFileSync(path, `${benchmarks.slice(0, from + start.length)}\n${table}\n${benchmarks.slice(to)}`);
  console.log('BENCHMARKS.md: corpus-accuracy section replaced');
}
