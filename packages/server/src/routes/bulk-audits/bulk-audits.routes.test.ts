import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulkSummary } from '@jixiao/core';
import { insertBulkAuditJob } from '@jixiao/db';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReportFolder, type ReportFolder } from '../../../../services/testing/make-report-folder.ts';
import { zipFolder } from '../../../../services/testing/zip-folder.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';

type Job = { id: string; status: string; done: number; total: number; error: string | null };
type Detail = Job & { summary: BulkSummary | null };

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe('bulk audit of an uploaded zip over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bulk-http-'));
  let folder: ReportFolder;
  let zip: Uint8Array;
  let testApp: TestApp;
  let reviewer: Session;
  let jobId: string;
  let finished: Detail;

  const upload = (session: Session | null, fileName: string, bytes: Uint8Array) =>
    testApp.request(session, {
      method: 'POST',
      url: '/api/bulk-audits',
      payload: { fileName, contentBase64: base64(bytes) },
    });

  const poll = async (id: string): Promise<Detail> => {
    for (const started = Date.now(); Date.now() - started < 120_000; ) {
      const response = await testApp.request(reviewer, { method: 'GET', url: `/api/bulk-audits/${id}` });
      expect(response.statusCode, response.body).toBe(200);
      const job = response.json<Detail>();
      expect(job.done).toBeLessThanOrEqual(job.total);
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${id} did not end`);
  };

  beforeAll(async () => {
    folder = await makeReportFolder(dir, 10);
    zip = zipFolder(dir);
    testApp = await createTestApp('pglite', { bulkAuditZipLimit: 5 * 1024 * 1024 });
    reviewer = await testApp.login('department');
    const started = await upload(reviewer, '2022年度自评报告.zip', zip);
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json<Job>();
    expect(job).toMatchObject({ status: 'queued', done: 0, total: folder.files + 1 });
    jobId = job.id;
    finished = await poll(jobId);
  });

  afterAll(async () => {
    await testApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers at once, then reports progress until the summary is there', () => {
    expect(finished).toMatchObject({ status: 'done', done: folder.files + 1, error: null });
    const summary = finished.summary;
    if (!summary) throw new Error('no summary');
    const read = folder.good.length + folder.flawed.length + folder.fixtures.length;
    // One form per file here: forms are the files read, and every failure is a whole file. notes.csv is not a
    // report: not audited (not in the job's total), but listed as skipped.
    expect(summary).toMatchObject({ files: folder.files + 2, forms: read, read, failed: folder.broken.length + 2 });
    expect(summary.rows.every((row) => row.formIndex === 1)).toBe(true);
    expect(summary.failures.every((failure) => failure.formIndex === null)).toBe(true);
    const mismatched = summary.rows
      .filter((row) => row.findings.some((finding) => finding.code === 'TOTAL_MISMATCH'))
      .map((row) => row.file);
    for (const file of folder.flawed) expect(mismatched).toContain(file);
    for (const file of folder.good) expect(mismatched).not.toContain(file);
    expect(summary.failures.map((failure) => failure.code).sort()).toEqual(
      ['BINARY_FILE', 'EMPTY_FILE', 'HOSTILE_FILE', 'UNKNOWN_LAYOUT', 'UNSUPPORTED_FORMAT'].sort(),
    );
  });

  it('lists the reviewer’s jobs newest first', async () => {
    const response = await testApp.request(reviewer, { method: 'GET', url: '/api/bulk-audits' });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: Job[] }>().items[0]).toMatchObject({ id: jobId, status: 'done' });
  });

  it('downloads the summary as .xlsx (汇总: one row per report read), .html and .json, as attachments', async () => {
    const get = (kind: string) =>
      testApp.request(reviewer, { method: 'GET', url: `/api/bulk-audits/${jobId}/${kind}` });
    const xlsx = await get('summary.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; /u);
    expect(xlsx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2022年度自评报告-批量审核结果.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('汇总');
    expect(sheet?.rowCount).toBe(1 + (finished.summary?.read ?? 0));
    expect(sheet?.getRow(1).getCell(1).value).toBe('文件');

    const html = await get('summary.html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toMatch(/^attachment; /u);
    expect(html.body).toContain('TOTAL_MISMATCH');

    const json = await get('summary.json');
    expect(json.headers['content-disposition']).toMatch(/^attachment; /u);
    expect(json.json()).toEqual(finished.summary);

    expect((await get('summary.pdf')).statusCode).toBe(400);
  });

  it('refuses a truncated zip, a zip bomb and what is not a zip with a clear 4xx, starting no job', async () => {
    const truncated = await upload(reviewer, '截断.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json()).toMatchObject({
      error: { code: 'HOSTILE_FILE', message: expect.stringMatching(/^截断\.zip：.*(不完整|截断)/u) },
    });

    const bomb = zipSync({ '自评报告.txt': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    const refused = await upload(reviewer, 'bomb.zip', bomb);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { code: 'HOSTILE_FILE', message: expect.stringContaining('疑似压缩炸弹') },
    });

    const text = await upload(reviewer, '报告.zip', strToU8('这不是压缩包'));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT' } });

    const noReports = await upload(reviewer, 'csv.zip', zipSync({ 'a.csv': strToU8('x') }));
    expect(noReports.statusCode).toBe(400);
    expect(noReports.json<{ error: { message: string } }>().error.message).toContain('没有可审核的自评报告');

    const list = await testApp.request(reviewer, { method: 'GET', url: '/api/bulk-audits' });
    expect(list.json<{ items: Job[] }>().items.map((job) => job.id)).toEqual([jobId]);
  });

  it('answers 413 above the upload limit', async () => {
    const response = await upload(reviewer, 'big.zip', new Uint8Array(6 * 1024 * 1024));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
  });

  it('answers 403 to a filler and 404 to another reviewer asking for someone else’s job', async () => {
    const filler = await testApp.login('filler');
    expect((await upload(filler, 'a.zip', zip)).statusCode).toBe(403);
    expect((await testApp.request(filler, { method: 'GET', url: '/api/bulk-audits' })).statusCode).toBe(403);
    const other = await testApp.login('finance');
    for (const url of [`/api/bulk-audits/${jobId}`, `/api/bulk-audits/${jobId}/summary.xlsx`]) {
      const response = await testApp.request(other, { method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
    expect((await testApp.request(other, { method: 'GET', url: '/api/bulk-audits' })).json()).toEqual({ items: [] });
  });

  it('ends a job the previous server left running when the next one starts', async () => {
    const { db } = testApp.fixture.handle;
    const orphan = await insertBulkAuditJob(db, {
      id: randomUUID(),
      created_by: testApp.fixture.actors.department_reviewer.userId,
      file_name: '重启前.zip',
      rule_set_id: 'national-2020',
      status: 'running',
      total: 5,
      created_at: new Date(),
      started_at: new Date(),
    });
    const restarted = await buildApp({ db, databaseKind: testApp.fixture.handle.kind });
    try {
      const response = await restarted.inject({
        method: 'GET',
        url: `/api/bulk-audits/${orphan.id}`,
        headers: { cookie: reviewer.cookie },
      });
      expect(response.json()).toMatchObject({ status: 'failed', error: '服务重启，任务中断，请重新上传' });
    } finally {
      await restarted.close();
    }
  });
});
