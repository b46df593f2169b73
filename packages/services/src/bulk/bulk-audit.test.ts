import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertBulkAuditJob } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportFolder, type ReportFolder } from '../../testing/make-report-folder.ts';
import { MULTI_FORM_COUNTS, MULTI_FORM_FILES, writeMultiFormReports } from '../../testing/multi-form-reports.ts';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { zipFolder } from '../../testing/zip-folder.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type BulkAuditRunner, createBulkAuditRunner, INTERRUPTED_BY_SHUTDOWN } from './bulk-audit-runner.ts';
import type { BulkAuditDetail } from './bulk-audit-view.ts';
import { failInterruptedBulkAudits, INTERRUPTED_BY_RESTART } from './fail-interrupted-bulk-audits.ts';
import { getBulkAudit } from './get-bulk-audit.ts';
import { listBulkAudits } from './list-bulk-audits.ts';
import { renderBulkAuditSummary } from './render-bulk-audit-summary.ts';
import { startBulkAudit } from './start-bulk-audit.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-bulk-zip-'));
let folder: ReportFolder;
let zip: Uint8Array;

beforeAll(async () => {
  folder = await makeReportFolder(dir, 10);
  writeMultiFormReports(dir);
  zip = zipFolder(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The zip's report files: the generated folder, its nested file, and the multi-form files. */
const allFiles = () => folder.files + 1 + MULTI_FORM_COUNTS.files;

/** Polls a job until it has ended. */
const settled = async (ctx: ServiceContext, actor: Actor, id: string): Promise<BulkAuditDetail> => {
  for (const started = Date.now(); Date.now() - started < 120_000; ) {
    const job = await getBulkAudit(ctx, actor, id);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not end`);
};

describe.each(testDatabaseKinds())('bulk audit of an uploaded zip on %s', (kind) => {
  let fixture: ServiceFixture;
  let runner: BulkAuditRunner;
  let reviewer: Actor;
  let finished: BulkAuditDetail;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    runner = createBulkAuditRunner(fixture.ctx, { jobs: 2 });
    reviewer = fixture.actors.department_reviewer;
    const queued = await startBulkAudit(fixture.ctx, runner, reviewer, { fileName: '收到的报告.zip', bytes: zip });
    // Every report file, the one in a subfolder too; notes.csv is not a report format.
    expect(queued).toMatchObject({ status: 'queued', done: 0, total: allFiles(), error: null });
    finished = await settled(fixture.ctx, reviewer, queued.id);
  });

  afterAll(async () => {
    await runner.close();
    await fixture.close();
  });

  it('audits every report in the zip and summarises it as the folder run does', () => {
    // Progress counts files; the summary counts forms as well.
    expect(finished).toMatchObject({ status: 'done', done: allFiles(), total: allFiles() });
    const summary = finished.summary;
    if (!summary) throw new Error('no summary');
    const oneFormFiles = folder.good.length + folder.flawed.length + folder.fixtures.length;
    // notes.csv is not a report format: skipped, and listed so.
    expect(summary.files).toBe(allFiles() + 1);
    expect(summary.forms).toBe(oneFormFiles + MULTI_FORM_COUNTS.forms);
    expect(summary.read).toBe(oneFormFiles + MULTI_FORM_COUNTS.rows);
    expect(summary.failed).toBe(folder.broken.length + 2 + MULTI_FORM_COUNTS.refusals);
    expect(summary.failures.map(({ file, formIndex, code }) => ({ file, formIndex, code }))).toEqual(
      [
        ...folder.broken.map((broken) => ({ ...broken, formIndex: null })),
        { file: 'nested/random.xlsx', formIndex: null, code: 'BINARY_FILE' },
        { file: 'notes.csv', formIndex: null, code: 'UNSUPPORTED_FORMAT' },
        { file: MULTI_FORM_FILES.declarationOnly.file, formIndex: 1, code: 'NOT_A_SELF_EVALUATION' },
        { file: MULTI_FORM_FILES.withDeclaration.file, formIndex: 2, code: 'NOT_A_SELF_EVALUATION' },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
    expect(
      summary.rows
        .filter((row) => row.file === MULTI_FORM_FILES.twoForms.file)
        .map(({ formIndex, projectName }) => [formIndex, projectName]),
    ).toEqual([
      [1, MULTI_FORM_FILES.twoForms.projects[0]],
      [2, MULTI_FORM_FILES.twoForms.projects[1]],
    ]);
    const mismatched = summary.rows
      .filter((row) => row.findings.some((finding) => finding.code === 'TOTAL_MISMATCH'))
      .map((row) => row.file);
    expect(new Set(mismatched)).toEqual(new Set([...folder.flawed, 'seed-kaifu-2022.txt', 'seed-kaifu-2022.pdf']));
    expect(summary.byCode.find((count) => count.code === 'TOTAL_MISMATCH')).toMatchObject({
      severity: 'error',
      files: folder.flawed.length + 2,
    });
    // The seed as text repeats the seed as PDF: the same unit, project and year.
    expect(summary.rows.find((row) => row.file === 'seed-kaifu-2022.txt')?.duplicateOf).toEqual({
      file: 'seed-kaifu-2022.pdf',
      formIndex: 1,
      reason: 'same-report',
    });
  });

  it('lists a reviewer her own jobs, newest first, and shows no one else’s', async () => {
    const { ctx, actors } = fixture;
    expect((await listBulkAudits(ctx, reviewer)).map((job) => job.id)).toContain(finished.id);
    expect(await listBulkAudits(ctx, actors.finance_reviewer)).toEqual([]);
    await expect(getBulkAudit(ctx, actors.finance_reviewer, finished.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const role of ['unit_filler', 'unit_approver', 'admin'] as const) {
      await expect(listBulkAudits(ctx, actors[role])).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(startBulkAudit(ctx, runner, actors[role], { fileName: 'a.zip', bytes: zip })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('gives the summary as a workbook with one row per report read, and as the JSON it stored', async () => {
    const workbook = await renderBulkAuditSummary(fixture.ctx, reviewer, finished.id, 'summary.xlsx');
    expect(workbook.fileName).toBe('收到的报告-批量审核结果.xlsx');
    expect(workbook.contentDisposition).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(workbook.bytes) as unknown as ArrayBuffer);
    expect(book.getWorksheet('汇总')?.rowCount).toBe(1 + (finished.summary?.read ?? 0));
    const json = await renderBulkAuditSummary(fixture.ctx, reviewer, finished.id, 'summary.json');
    expect(JSON.parse(new TextDecoder().decode(json.bytes))).toEqual(finished.summary);
  });

  it('reads a summary stored before forms were counted as one form per file', async () => {
    const { ctx } = fixture;
    const summary = finished.summary;
    if (!summary) throw new Error('no summary');
    const { forms: _forms, ...counts } = summary;
    const stored = {
      ...counts,
      rows: summary.rows.map(({ formIndex: _index, ...row }) => row),
      failures: summary.failures.filter((failure) => failure.formIndex === null).map(({ formIndex: _i, ...f }) => f),
    };
    const old = await insertBulkAuditJob(ctx.db, {
      id: randomUUID(),
      created_by: reviewer.userId,
      file_name: '旧结果.zip',
      rule_set_id: 'national-2020',
      status: 'done',
      total: 1,
      summary: JSON.stringify(stored),
      done: 1,
      created_at: ctx.now(),
      started_at: ctx.now(),
      finished_at: ctx.now(),
    });
    const read = (await getBulkAudit(ctx, reviewer, old.id)).summary;
    expect(read?.forms).toBe(summary.read);
    expect(read?.rows.every((row) => row.formIndex === 1)).toBe(true);
    expect(read?.failures.every((failure) => failure.formIndex === null)).toBe(true);
    const html = await renderBulkAuditSummary(ctx, reviewer, old.id, 'summary.html');
    const page = new TextDecoder().decode(html.bytes);
    expect(page).not.toMatch(/>undefined</u);
    expect(page).toContain(`<div><b>${summary.read}</b>表（张）</div>`);
  });

  it('refuses a broken zip with its reason and leaves no job behind', async () => {
    const before = await listBulkAudits(fixture.ctx, reviewer);
    await expect(
      startBulkAudit(fixture.ctx, runner, reviewer, { fileName: 'cut.zip', bytes: zip.subarray(0, zip.length / 2) }),
    ).rejects.toMatchObject({ code: 'HOSTILE_FILE', message: expect.stringMatching(/^cut\.zip：/u) });
    await expect(
      startBulkAudit(fixture.ctx, runner, reviewer, { fileName: 'a.zip', bytes: zip, ruleSetId: 'no-such-rules' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_RULE_SET' });
    expect(await listBulkAudits(fixture.ctx, reviewer)).toEqual(before);
  });

  it('marks a job failed, with the reason, when the server stops or restarts under it', async () => {
    const { ctx, actors } = fixture;
    const stopping = createBulkAuditRunner(ctx, { jobs: 1 });
    const cut = await startBulkAudit(ctx, stopping, actors.finance_reviewer, { fileName: '中途停止.zip', bytes: zip });
    await stopping.close();
    expect(await getBulkAudit(ctx, actors.finance_reviewer, cut.id)).toMatchObject({
      status: 'failed',
      error: INTERRUPTED_BY_SHUTDOWN,
      summary: null,
    });

    // A process that died without closing leaves its job running; the next start ends it.
    const orphan = await insertBulkAuditJob(ctx.db, {
      id: randomUUID(),
      created_by: actors.finance_reviewer.userId,
      file_name: '重启前.zip',
      rule_set_id: 'national-2020',
      status: 'running',
      total: 3,
      created_at: ctx.now(),
      started_at: ctx.now(),
    });
    expect(await failInterruptedBulkAudits(ctx)).toBe(1);
    expect(await getBulkAudit(ctx, actors.finance_reviewer, orphan.id)).toMatchObject({
      status: 'failed',
      error: INTERRUPTED_BY_RESTART,
    });
    expect(await getBulkAudit(ctx, reviewer, finished.id)).toMatchObject({ status: 'done' });
    await expect(renderBulkAuditSummary(ctx, actors.finance_reviewer, orphan.id, 'summary.xlsx')).rejects.toMatchObject(
      { code: 'INVALID_TRANSITION', message: expect.stringContaining('失败') },
    );
  });
});
