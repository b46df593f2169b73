/** The shared corpus of published reports (`shared/corpus`, beside the clone): where it is and its cases. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedCase } from './check-case.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** `JIXIAO_CORPUS_DIR`, else `shared/corpus` beside the repository (where CI puts it). */
export const corpusDir = (): string => {
  const { JIXIAO_CORPUS_DIR } = process.env;
  return JIXIAO_CORPUS_DIR ?? join(repoRoot, '..', 'shared', 'corpus');
};

const fail = (where: string, what: string): never => {
  throw new Error(`expected.json ${where}: ${what}`);
};

const text = (value: unknown, where: string): string => (typeof value === 'string' ? value : fail(where, 'not text'));

const figure = (value: unknown, where: string): number | null =>
  value === null || typeof value === 'number' ? value : fail(where, 'not a number or null');

const codes = (value: unknown, where: string): string[] =>
  Array.isArray(value) ? value.map((code, i) => text(code, `${where}[${i}]`)) : fail(where, 'not a list');

/** One case, checked field by field: a typo in the corpus must fail loudly, not read as "nothing expected". */
const caseOf = (raw: unknown, index: number): ExpectedCase => {
  if (typeof raw !== 'object' || raw === null) return fail(`[${index}]`, 'not an object');
  const entry: { [key in keyof ExpectedCase]?: unknown } = raw;
  const at = (key: string) => `[${index}].${key}`;
  const readable = entry.readable;
  const complete = entry.complete;
  const rows = entry.indicatorRows;
  return {
    case: text(entry.case, at('case')),
    file: text(entry.file, at('file')),
    kind: text(entry.kind, at('kind')),
    layout: text(entry.layout, at('layout')),
    complete: typeof complete === 'boolean' ? complete : fail(at('complete'), 'not a boolean'),
    readable: typeof readable === 'boolean' ? readable : fail(at('readable'), 'not a boolean'),
    indicatorRows: Number.isInteger(rows) ? (rows as number) : fail(at('indicatorRows'), 'not an integer'),
    executionRate: figure(entry.executionRate, at('executionRate')),
    executionScore: figure(entry.executionScore, at('executionScore')),
    recomputedTotal: figure(entry.recomputedTotal, at('recomputedTotal')),
    expectedFindings: codes(entry.expectedFindings, at('expectedFindings')),
    otherFindings: codes(entry.otherFindings, at('otherFindings')),
    expectedAnyOf: Array.isArray(entry.expectedAnyOf)
      ? entry.expectedAnyOf.map((group, i) => codes(group, `${at('expectedAnyOf')}[${i}]`))
      : entry.expectedAnyOf == null
        ? []
        : fail(at('expectedAnyOf'), 'not a list of lists'),
    mustNotFind: codes(entry.mustNotFind, at('mustNotFind')),
  };
};

/** The corpus's cases; throws with the place to put the corpus when it is not there. */
export const loadCorpus = (dir: string = corpusDir()): ExpectedCase[] => {
  const file = join(dir, 'expected.json');
  if (!existsSync(file)) {
    throw new Error(
      `the corpus is missing: no ${file}. Put shared/corpus beside the clone or set JIXIAO_CORPUS_DIR to its folder.`,
    );
  }
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${file}: expected a non-empty list of cases`);
  return raw.map(caseOf);
};
