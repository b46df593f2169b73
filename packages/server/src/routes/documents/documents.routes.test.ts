import { generateForm } from '@jixiao/core/testing';
import { readReport } from '@jixiao/ingest';
import {
  approveEvaluation,
  createDraft,
  MAX_WAITING_PDF_RENDERS,
  publishEvaluation,
  submitEvaluation,
  unpublishEvaluation,
} from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('document downloads', () => {
  let testApp: TestApp;
  let publishedId: string;
  let draftId: string;
  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    const make = (seed: number, projectName: string) =>
      createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(seed), fiscalYear: 2022, projectName },
      });
    publishedId = (await make(21, '公开项目')).id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    draftId = (await make(22, '草稿项目')).id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('serves a published report as .docx to anyone, named as users name it, readable back', async () => {
    const response = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations/${publishedId}/documents/report.docx`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="2022.docx"; filename*=UTF-8''${encodeURIComponent('开福区城市房屋征收和补偿管理办公室_2022年度公开项目项目支出绩效自评报告.docx')}`,
    );
    const back = await readReport({ bytes: new Uint8Array(response.rawPayload), fileName: 'back.docx' });
    expect(back.ok && back.report.form.projectName).toBe('公开项目');
  });

  it('serves the 自评表 as .xlsx and the report as PDF', async () => {
    const xlsx = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations/${publishedId}/documents/table.xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations/${publishedId}/documents/report.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('hides unpublished evaluations from the public (404) and rejects unknown kinds (400)', async () => {
    const hidden = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations/${draftId}/documents/report.docx`,
    });
    expect(hidden.statusCode).toBe(404);
    const bad = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations/${publishedId}/documents/report.exe`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('serves a draft to its unit, not to anonymous callers or other units', async () => {
    const own = await testApp.request(await testApp.login('filler'), {
      method: 'GET',
      url: `/api/evaluations/${draftId}/documents/report.html`,
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('草稿项目');
    const anonymous = await testApp.request(null, {
      method: 'GET',
      url: `/api/evaluations/${draftId}/documents/report.html`,
    });
    expect(anonymous.statusCode).toBe(401);
    const otherUnit = await testApp.request(await testApp.login('other.filler'), {
      method: 'GET',
      url: `/api/evaluations/${draftId}/documents/report.html`,
    });
    expect(otherUnit.statusCode).toBe(404);
  });

  it('stops serving a document it has rendered once the evaluation is withdrawn', async () => {
    const { ctx, actors, organizations } = testApp.fixture;
    const id = (
      await createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(23), fiscalYear: 2022, projectName: '撤回项目' },
      })
    ).id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: id });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: id });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: id });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
    const url = `/api/public/evaluations/${id}/documents/report.docx`;
    const first = await testApp.request(null, { method: 'GET', url });
    const again = await testApp.request(null, { method: 'GET', url });
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    await unpublishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id, reason: '数据有误，撤回核实' });
    expect((await testApp.request(null, { method: 'GET', url })).statusCode).toBe(404);
  });

  it(`answers 503 with Retry-After, not an ever longer wait, past ${MAX_WAITING_PDF_RENDERS} waiting PDFs`, async () => {
    const session = await testApp.login('filler');
    // Twice the limit at once: however the machine schedules them, more arrive than may wait.
    const burst = MAX_WAITING_PDF_RENDERS * 2;
    const responses = await Promise.all(
      Array.from({ length: burst }, () =>
        testApp.request(session, { method: 'GET', url: `/api/evaluations/${draftId}/documents/report.pdf` }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(MAX_WAITING_PDF_RENDERS);
    const refused = responses.filter((response) => response.statusCode === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toEqual({
        error: { code: 'BUSY', message: '服务器繁忙，请稍后再试', requestId: expect.any(String) },
      });
    }
    // Once the queue has drained, the next one is served.
    const later = await testApp.request(session, {
      method: 'GET',
      url: `/api/evaluations/${draftId}/documents/report.pdf`,
    });
    expect(later.statusCode).toBe(200);
  });
});
