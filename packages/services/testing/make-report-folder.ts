import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvaluationForm, evaluate, findRuleSet, type RuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { renderDocx, renderXlsx } from '@jixiao/reports';

const fixture = (path: string) => fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url));

/** What a generated folder holds, so tests can assert the summary's counts. */
export type ReportFolder = {
  files: number;
  /** Reports whose stated total was made to disagree with the recomputed one (TOTAL_MISMATCH expected). */
  flawed: string[];
  /** Reports written consistent: stated total = execution score + stated indicator scores. */
  good: string[];
  /** Files that are not readable reports, with the error code each must fail with. */
  broken: { file: string; code: string }[];
  /** The one broken file in a subfolder, read only with --recursive. */
  nested: { file: string; code: string } | null;
  /** Copies of the fixtures (seed text, seed PDF, markdown): their findings are documented in fixtures/README.md. */
  fixtures: string[];
};

const nationalRules = (): RuleSet => {
  const found = findRuleSet('national-2020');
  if (!found) throw new Error('national-2020 missing');
  return found;
};

/** A generated form whose 总分 row either adds up (good) or is 5 points off (flawed). */
const formFor = (seed: number, flawed: boolean): EvaluationForm => {
  const form = generateForm(seed);
  const { checkTotal } = evaluate(form, nationalRules());
  const stated = flawed ? (checkTotal > 50 ? checkTotal - 5 : checkTotal + 5) : checkTotal;
  return { ...form, statedTotal: { weight: '100', score: stated.toFixed(2) } };
};

const write = async (dir: string, name: string, form: EvaluationForm): Promise<void> => {
  const ruleSet = nationalRules();
  const path = join(dir, name);
  if (name.endsWith('.docx')) writeFileSync(path, await renderDocx(form, evaluate(form, ruleSet)));
  else if (name.endsWith('.xlsx')) writeFileSync(path, await renderXlsx(form, evaluate(form, ruleSet)));
  else writeFileSync(path, JSON.stringify(form));
};

const FORMATS = ['docx', 'xlsx', 'json'] as const;

/**
 * Writes a folder of `count` generated reports (Word, Excel and JSON in turn; every fifth one flawed) plus,
 * when `extras` is set, the fixtures (seed as text and PDF, a markdown template) and broken files: a notice
 * that is not a report, a truncated .docx, an empty file, and random bytes named .xlsx in a subfolder. A .csv
 * beside them is not a report format and must be left alone. `files` counts the top level only.
 */
export const makeReportFolder = async (dir: string, count: number, extras = true): Promise<ReportFolder> => {
  mkdirSync(dir, { recursive: true });
  const folder: ReportFolder = { files: 0, flawed: [], good: [], broken: [], nested: null, fixtures: [] };
  for (let index = 0; index < count; index++) {
    const flawed = index % 5 === 4;
    const name = `report-${String(index + 1).padStart(4, '0')}.${FORMATS[index % FORMATS.length]}`;
    await write(dir, name, formFor(index + 1, flawed));
    (flawed ? folder.flawed : folder.good).push(name);
  }
  folder.files = count;
  if (!extras) return folder;
  copyFileSync(fixture('seed/kaifu-2022.txt'), join(dir, 'seed-kaifu-2022.txt'));
  copyFileSync(fixture('pdf/kaifu-2022.pdf'), join(dir, 'seed-kaifu-2022.pdf'));
  copyFileSync(fixture('markdown/comparator-column.md'), join(dir, 'comparator-column.md'));
  folder.fixtures.push('comparator-column.md', 'seed-kaifu-2022.pdf', 'seed-kaifu-2022.txt');
  copyFileSync(fixture('bad/not-a-report.txt'), join(dir, 'not-a-report.txt'));
  const whole = formFor(9999, false);
  const docx = await renderDocx(whole, evaluate(whole, nationalRules()));
  writeFileSync(join(dir, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(join(dir, 'empty.md'), '');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(
    join(dir, 'nested', 'random.xlsx'),
    Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256),
  );
  writeFileSync(join(dir, 'notes.csv'), '不是自评报告格式，不应被读取');
  folder.broken.push(
    { file: 'empty.md', code: 'EMPTY_FILE' },
    { file: 'not-a-report.txt', code: 'UNKNOWN_LAYOUT' },
    { file: 'truncated.docx', code: 'HOSTILE_FILE' },
  );
  folder.nested = { file: join('nested', 'random.xlsx'), code: 'BINARY_FILE' };
  folder.files += 6;
  return folder;
};
