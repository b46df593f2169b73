import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportFolder, type ReportFolder } from '../../services/testing/make-report-folder.ts';
import {
  MULTI_FORM_COUNTS,
  MULTI_FORM_FILES,
  writeMultiFormReports,
} from '../../services/testing/multi-form-reports.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/jixiao.mjs');

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

describe('jixiao audit DIR', () => {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-cli-bulk-'));
  const dir = join(work, 'reports');
  const formsDir = join(work, 'forms');
  let folder: ReportFolder;

  beforeAll(async () => {
    folder = await makeReportFolder(dir, 9);
    mkdirSync(formsDir);
    writeMultiFormReports(formsDir);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints one JSON line per form, with its index, and counts files and forms apart', async () => {
    const { code, stdout } = await jixiao('audit', formsDir, '--jobs', '1');
    // A form that is not a self-evaluation fails the run as an unreadable file does.
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.slice(0, -1).map(({ file, formIndex, ok, code }) => ({ file, formIndex, ok, code }))).toEqual([
      { file: MULTI_FORM_FILES.declarationOnly.file, formIndex: 1, ok: false, code: 'NOT_A_SELF_EVALUATION' },
      { file: MULTI_FORM_FILES.twoForms.file, formIndex: 1, ok: true, code: undefined },
      { file: MULTI_FORM_FILES.twoForms.file, formIndex: 2, ok: true, code: undefined },
      { file: MULTI_FORM_FILES.withDeclaration.file, formIndex: 1, ok: true, code: undefined },
      { file: MULTI_FORM_FILES.withDeclaration.file, formIndex: 2, ok: false, code: 'NOT_A_SELF_EVALUATION' },
    ]);
    expect(lines.at(-1).summary).toMatchObject({
      files: MULTI_FORM_COUNTS.files,
      forms: MULTI_FORM_COUNTS.forms,
      read: MULTI_FORM_COUNTS.rows,
      failed: MULTI_FORM_COUNTS.refusals,
    });
  });

  it('prints one JSON line per file and a summary line when not on a terminal, and writes the .xlsx', async () => {
    const out = join(work, 'summary.xlsx');
    const { code, stdout } = await jixiao('audit', dir, '--jobs', '2', '--out', out);
    // Some files could not be read: the run completes and says so in its exit code.
    expect(code).toBe(1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const perFile = lines.slice(0, -1);
    expect(perFile).toHaveLength(folder.files);
    expect(
      perFile
        .filter((line) => !line.ok)
        .map((line) => line.code)
        .sort(),
    ).toEqual(folder.broken.map((broken) => broken.code).sort());
    const flawed = perFile.find((line) => line.file === folder.flawed[0]);
    expect(flawed.findings).toContain('TOTAL_MISMATCH');
    expect(lines.at(-1).summary).toMatchObject({ files: folder.files, failed: folder.broken.length });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '汇总',
      '审核发现',
      '按问题统计',
      '已跳过',
      '概况',
    ]);
    const reports = workbook.getWorksheet('汇总');
    expect(reports?.rowCount).toBe(1 + folder.files - folder.broken.length);
    expect(reports?.autoFilter).toBeTruthy();
    const seedRow = reports
      ?.getRows(2, reports.rowCount - 1)
      ?.find((row) => row.getCell(1).text === 'seed-kaifu-2022.pdf');
    // Provisional: the row without a target keeps its stated score (GEN-3).
    expect([seedRow?.getCell(7).value, seedRow?.getCell(8).value, seedRow?.getCell(10).value]).toEqual([
      100,
      97.3,
      '优（暂定）',
    ]);
    expect(workbook.getWorksheet('已跳过')?.rowCount).toBe(1 + folder.broken.length);
  });

  it('writes a self-contained HTML summary with every report and every unreadable file', async () => {
    const out = join(work, 'summary.html');
    await jixiao('audit', dir, '--recursive', '--jobs', '1', '--out', out);
    const html = readFileSync(out, 'utf8');
    for (const file of [...folder.good, ...folder.flawed, ...folder.fixtures]) expect(html).toContain(`>${file}</a>`);
    for (const broken of [...folder.broken, folder.nested]) expect(html).toContain(broken?.file);
    expect(html).toContain('id="filter"');
  });

  it('refuses an output type it cannot write, and a bad --jobs, before doing any work', async () => {
    expect((await jixiao('audit', dir, '--out', join(work, 'x.docx'))).stderr).toContain('--out 只支持');
    expect((await jixiao('audit', dir, '--jobs', '0')).stderr).toContain('--jobs 应为');
  });
});
