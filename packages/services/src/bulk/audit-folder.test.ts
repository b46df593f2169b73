import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulkSummary } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportFolder, type ReportFolder } from '../../testing/make-report-folder.ts';
import { MULTI_FORM_COUNTS, MULTI_FORM_FILES, writeMultiFormReports } from '../../testing/multi-form-reports.ts';
import { auditFolder, listReportFiles } from './audit-folder.ts';

describe('auditing a folder of reports in worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bulk-'));
  let folder: ReportFolder;
  let flat: BulkSummary;
  let recursive: BulkSummary;
  const progress: number[] = [];

  beforeAll(async () => {
    folder = await makeReportFolder(dir, 15);
    flat = await auditFolder({
      dir,
      recursive: false,
      jobs: 2,
      ruleSetId: 'national-2020',
      onProgress: ({ done }) => progress.push(done),
    });
    recursive = await auditFolder({ dir, recursive: true, jobs: 1, ruleSetId: 'national-2020' });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every report format in the folder and leaves other files alone', () => {
    expect(flat.files).toBe(folder.files);
    // One form per file here: every readable file is one form, every failure a whole file.
    expect(flat.forms).toBe(flat.read);
    expect(flat.rows.every((row) => row.formIndex === 1)).toBe(true);
    expect(flat.failures.every((failure) => failure.formIndex === null)).toBe(true);
    expect(flat.read).toBe(folder.good.length + folder.flawed.length + folder.fixtures.length);
    expect(flat.rows.map((row) => row.file).sort()).toEqual(
      [...folder.good, ...folder.flawed, ...folder.fixtures].sort(),
    );
    expect([...flat.rows.map((row) => row.file), ...flat.failures.map((failure) => failure.file)]).not.toContain(
      'notes.csv',
    );
    expect(progress).toEqual(Array.from({ length: folder.files }, (_, index) => index + 1));
  });

  it('lists each unreadable file with its reason, and one bad file stops nothing', () => {
    expect(flat.failed).toBe(folder.broken.length);
    expect(flat.failures.map(({ file, code }) => ({ file, code }))).toEqual(
      [...folder.broken].sort((a, b) => a.file.localeCompare(b.file)),
    );
    for (const failure of flat.failures)
      expect(failure.reason).toMatch(new RegExp(`^${failure.file.replace('.', '\\.')}：`, 'u'));
  });

  it('finds the wrong totals where they were planted and nowhere else among the generated reports', () => {
    const mismatched = new Set(
      flat.rows
        .filter((row) => row.findings.some((finding) => finding.code === 'TOTAL_MISMATCH'))
        .map((row) => row.file),
    );
    for (const file of folder.flawed) expect(mismatched).toContain(file);
    for (const file of folder.good) expect(mismatched).not.toContain(file);
    // The seed states 100 where the rules give 97.30, as text and as PDF (rules.md §9).
    expect(mismatched).toEqual(new Set([...folder.flawed, 'seed-kaifu-2022.txt', 'seed-kaifu-2022.pdf']));
    expect(flat.byCode.find((count) => count.code === 'TOTAL_MISMATCH')).toMatchObject({
      severity: 'error',
      files: folder.flawed.length + 2,
      findings: folder.flawed.length + 2,
    });
  });

  it('scores the seed the same whether it came as text or as PDF', () => {
    const seeds = flat.rows.filter((row) => row.file.startsWith('seed-kaifu-2022'));
    expect(seeds.map((row) => [row.statedTotal, row.totalScore, row.grade, row.executionRate])).toEqual([
      [100, 97.3, '优', 73.03],
      [100, 97.3, '优', 73.03],
    ]);
    expect(seeds[0]?.findings.map((finding) => finding.code)).toEqual(
      seeds[1]?.findings.map((finding) => finding.code),
    );
  });

  it('takes in subfolders only when asked, and gives the same results on one thread as on two', () => {
    expect(recursive.files).toBe(folder.files + 1);
    expect(recursive.failures.map(({ file, code }) => ({ file, code }))).toContainEqual(folder.nested);
    const { failures: _failures, files: _files, failed: _failed, ...sameParts } = recursive;
    const { failures: _f, files: _n, failed: _c, ...flatParts } = flat;
    expect(sameParts).toEqual(flatParts);
  });

  it('refuses a folder that does not exist, naming it', async () => {
    await expect(listReportFiles(join(dir, 'missing'), false)).rejects.toThrow(/目录不存在：.*missing/u);
  });
});

describe('auditing a folder whose files hold several forms', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bulk-forms-'));
  let summary: BulkSummary;
  const progress: { done: number; total: number; file: string; forms: number }[] = [];

  beforeAll(async () => {
    writeMultiFormReports(dir);
    summary = await auditFolder({
      dir,
      recursive: false,
      jobs: 2,
      ruleSetId: 'national-2020',
      onProgress: ({ done, total, file, entries }) => progress.push({ done, total, file, forms: entries.length }),
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('audits every self-evaluation form of a file, one row each with its index', () => {
    const { twoForms, withDeclaration } = MULTI_FORM_FILES;
    expect(summary.rows.map(({ file, formIndex, projectName }) => ({ file, formIndex, projectName }))).toEqual([
      { file: twoForms.file, formIndex: 1, projectName: twoForms.projects[0] },
      { file: twoForms.file, formIndex: 2, projectName: twoForms.projects[1] },
      { file: withDeclaration.file, formIndex: 1, projectName: withDeclaration.project },
    ]);
  });

  it('refuses a target declaration as a form of its file, naming the kind, and audits the file’s other form', () => {
    const { withDeclaration, declarationOnly } = MULTI_FORM_FILES;
    expect(summary.failures).toEqual([
      {
        file: declarationOnly.file,
        formIndex: 1,
        code: 'NOT_A_SELF_EVALUATION',
        reason: expect.stringMatching(new RegExp(`^${declarationOnly.file}：这是绩效目标申报表`, 'u')),
      },
      {
        file: withDeclaration.file,
        formIndex: 2,
        code: 'NOT_A_SELF_EVALUATION',
        reason: expect.stringMatching(new RegExp(`^${withDeclaration.file}#2：这是绩效目标申报表`, 'u')),
      },
    ]);
  });

  it('counts files and forms apart, and reports progress by file', () => {
    expect(summary).toMatchObject({
      files: MULTI_FORM_COUNTS.files,
      forms: MULTI_FORM_COUNTS.forms,
      read: MULTI_FORM_COUNTS.rows,
      failed: MULTI_FORM_COUNTS.refusals,
    });
    expect(Object.values(summary.byGrade).reduce((sum, count) => sum + count, 0)).toBe(MULTI_FORM_COUNTS.rows);
    expect(progress.map(({ done, total }) => [done, total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(Object.fromEntries(progress.map(({ file, forms }) => [file, forms]))).toEqual({
      [MULTI_FORM_FILES.twoForms.file]: 2,
      [MULTI_FORM_FILES.withDeclaration.file]: 2,
      [MULTI_FORM_FILES.declarationOnly.file]: 1,
    });
  });
});
