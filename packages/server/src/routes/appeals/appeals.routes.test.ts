import { generateForm } from '@jixiao/core/testing';
import { approveEvaluation, createDraft, createUser, returnEvaluation, submitEvaluation } from '@jixiao/services';
import { TEST_PASSWORD } from '@jixiao/services/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

const PDF_BASE64 = Buffer.from('%PDF-1.4\n% 申诉材料\n').toString('base64');

describe('佐证材料 and 申诉 / 复议 over HTTP', () => {
  let testApp: TestApp;
  let filler: Session;
  let finance: Session;
  let second: Session;
  let other: Session;

  beforeAll(async () => {
    testApp = await createTestApp('pglite');
    await createUser(testApp.fixture.ctx, null, {
      username: 'finance.second',
      displayName: '第二复议人',
      password: TEST_PASSWORD,
      roles: [{ organizationId: testApp.fixture.organizations.bureau, role: 'finance_reviewer' }],
    });
    filler = await testApp.login('filler');
    finance = await testApp.login('finance');
    second = await testApp.login('finance.second');
    other = await testApp.login('other.filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("attaches, lists, downloads and deletes an indicator's evidence while the draft is editable", async () => {
    const { ctx, actors, organizations } = testApp.fixture;
    const form = { ...generateForm(21), fiscalYear: 2024, projectName: '佐证材料接口' };
    const draft = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form });
    const indicatorName = form.indicators[0]?.name ?? '';
    const attach = (session: Session, payload: Record<string, unknown>) =>
      testApp.request(session, { method: 'POST', url: `/api/evaluations/${draft.id}/evidence`, payload });

    const refused = await attach(filler, {
      indicatorName,
      fileName: 'a.zip',
      contentBase64: Buffer.from(`PK\x05\x06${'\0'.repeat(18)}`).toString('base64'),
    });
    expect(refused.statusCode).toBe(415);
    expect((await attach(other, { indicatorName, fileName: 'a.pdf', contentBase64: PDF_BASE64 })).statusCode).toBe(404);
    const created = await attach(filler, { indicatorName, fileName: '验收单.pdf', contentBase64: PDF_BASE64 });
    expect(created.statusCode, created.body).toBe(201);
    const file = created.json<{ id: string; sha256: string }>();

    const listed = await testApp.request(finance, { method: 'GET', url: `/api/evaluations/${draft.id}/evidence` });
    expect(listed.json()).toMatchObject([{ id: file.id, fileName: '验收单.pdf', indicatorName }]);
    const download = await testApp.request(finance, { method: 'GET', url: `/api/attachments/${file.id}` });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-sha256']).toBe(file.sha256);

    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    const late = await testApp.request(filler, {
      method: 'DELETE',
      url: `/api/evaluations/${draft.id}/evidence/${file.id}`,
    });
    expect(late.statusCode).toBe(409);
    await returnEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id, reason: '请补充' });
    const removed = await testApp.request(filler, {
      method: 'DELETE',
      url: `/api/evaluations/${draft.id}/evidence/${file.id}`,
    });
    expect(removed.statusCode).toBe(204);
  });

  it("a unit appeals the bureau's return with a file; the second reviewer amends the score", async () => {
    const { ctx, actors, organizations } = testApp.fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(22), fiscalYear: 2024, projectName: '申诉接口项目' },
    });
    const evaluationId = draft.id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId });
    await returnEvaluation(ctx, actors.finance_reviewer, { evaluationId, reason: '扣分依据不足' });

    const state = await testApp.request(filler, { method: 'GET', url: `/api/evaluations/${evaluationId}/appeals` });
    expect(state.json()).toMatchObject({ appealable: { decision: 'returned', periodDays: 15 }, appeals: [] });
    expect(
      (await testApp.request(other, { method: 'GET', url: `/api/evaluations/${evaluationId}/appeals` })).statusCode,
    ).toBe(404);

    const noReason = await testApp.request(filler, {
      method: 'POST',
      url: `/api/evaluations/${evaluationId}/appeals`,
      payload: { reasons: '\u3000' },
    });
    expect(noReason.statusCode).toBe(400);
    const filed = await testApp.request(filler, {
      method: 'POST',
      url: `/api/evaluations/${evaluationId}/appeals`,
      payload: { reasons: '退回理由与附件不符', files: [{ fileName: '说明.pdf', contentBase64: PDF_BASE64 }] },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json<{ id: string; evidence: { fileName: string }[] }>();
    expect(appeal.evidence.map((file) => file.fileName)).toEqual(['说明.pdf']);
    const again = await testApp.request(filler, {
      method: 'POST',
      url: `/api/evaluations/${evaluationId}/appeals`,
      payload: { reasons: '再次申诉' },
    });
    expect(again.statusCode).toBe(409);

    const pending = await testApp.request(second, { method: 'GET', url: '/api/appeals?status=pending' });
    expect(pending.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(appeal.id);
    expect((await testApp.request(other, { method: 'GET', url: '/api/appeals' })).json()).toEqual({ items: [] });

    const rule = (session: Session, payload: Record<string, unknown>) =>
      testApp.request(session, { method: 'POST', url: `/api/appeals/${appeal.id}/rule`, payload });
    expect((await rule(finance, { outcome: 'upheld', reason: '维持' })).statusCode).toBe(403);
    expect((await rule(filler, { outcome: 'upheld', reason: '维持' })).statusCode).toBe(403);
    expect((await rule(second, { outcome: 'amended', reason: '调整', amendedScore: 101 })).statusCode).toBe(400);
    const ruled = await rule(second, { outcome: 'amended', reason: '扣分依据不足，调整得分', amendedScore: 91.005 });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json()).toMatchObject({ status: 'amended', amendedScore: 91.01, amendedGrade: 'excellent' });
    const detail = await testApp.request(finance, { method: 'GET', url: `/api/evaluations/${evaluationId}` });
    // The return is overturned: approved at the amended score, ready to publish.
    expect(detail.json()).toMatchObject({ status: 'approved', totalScore: 91.01, grade: 'excellent' });
  });
});
