import type {
  EvaluationDetail,
  RectificationItemDetail,
  RectificationItemPage,
  RectificationItemView,
  RectificationProposal,
} from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

describe('整改 routes', () => {
  let testApp: TestApp;
  let filler: Session;
  let department: Session;
  let finance: Session;
  let otherFiller: Session;
  let seedId = '';

  beforeAll(async () => {
    testApp = await createTestApp();
    seedId = await testApp.importSeed();
    filler = await testApp.login('filler');
    department = await testApp.login('department');
    finance = await testApp.login('finance');
    otherFiller = await testApp.login('other.filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
    testApp.request(session, { method: 'POST', url, payload });

  it('turns a problem of the seed into an item, which the unit works and the department closes', async () => {
    const proposals = await testApp.request(department, {
      method: 'GET',
      url: `/api/evaluations/${seedId}/rectification-proposals`,
    });
    expect(proposals.statusCode).toBe(200);
    const [proposal] = proposals.json<RectificationProposal[]>();
    expect(proposal?.problem).toContain('征收推进难度大');
    expect(proposal?.measure).not.toBe('');

    const created = await post(department, '/api/rectification-items', {
      evaluationId: seedId,
      sourceKind: 'problem',
      sourceText: proposal?.problem,
      description: '部分单位征收推进难度大，影响项目扫尾及结算',
      measure: proposal?.measure,
      deadline: '2100-06-30',
    });
    expect(created.statusCode).toBe(201);
    const item = created.json<RectificationItemView>();
    expect(item).toMatchObject({
      status: 'open',
      sourceKindLabel: '自评报告存在的问题',
      projectName: expect.any(String),
    });

    expect(
      (await post(filler, `/api/rectification-items/${item.id}/start`, { progressNote: '已制定方案' })).statusCode,
    ).toBe(200);
    const upload = await post(filler, `/api/rectification-items/${item.id}/evidence`, {
      fileName: '扫尾情况说明.txt',
      contentBase64: Buffer.from('已完成 3 户强制执行，结算资料已报送。').toString('base64'),
    });
    expect(upload.statusCode).toBe(201);
    const attachmentId = upload.json<{ id: string }>().id;
    expect((await post(filler, `/api/rectification-items/${item.id}/submit`)).statusCode).toBe(200);

    const refusedClose = await post(filler, `/api/rectification-items/${item.id}/close`, { reason: '完成' });
    expect(refusedClose.statusCode).toBe(403);
    const returned = await post(department, `/api/rectification-items/${item.id}/return`, {
      reason: '请补充结算审计报告',
    });
    expect(returned.json<RectificationItemView>().status).toBe('in_progress');
    expect((await post(filler, `/api/rectification-items/${item.id}/submit`)).statusCode).toBe(200);
    const closed = await post(department, `/api/rectification-items/${item.id}/close`, {
      reason: '整改到位，同意销号',
    });
    expect(closed.json<RectificationItemView>()).toMatchObject({
      status: 'closed',
      closingReason: '整改到位，同意销号',
    });

    const detail = await testApp.request(filler, { method: 'GET', url: `/api/rectification-items/${item.id}` });
    const body = detail.json<RectificationItemDetail>();
    expect(body.evidence.map((file) => file.id)).toEqual([attachmentId]);
    expect(body.history.map((entry) => entry.toStatus)).toEqual([
      'open',
      'in_progress',
      'in_progress',
      'submitted',
      'in_progress',
      'submitted',
      'closed',
    ]);

    // The evidence downloads through the attachments route, for the unit's people and those above only.
    expect(
      (await testApp.request(department, { method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode,
    ).toBe(200);
    expect(
      (await testApp.request(otherFiller, { method: 'GET', url: `/api/attachments/${attachmentId}` })).statusCode,
    ).toBe(404);
    expect(
      (await testApp.request(otherFiller, { method: 'GET', url: `/api/rectification-items/${item.id}` })).statusCode,
    ).toBe(404);
  });

  it("lists with filters and shows next year's draft of the project the item still open, with RECTIFICATION_OPEN", async () => {
    const seed = (
      await testApp.request(filler, { method: 'GET', url: `/api/evaluations/${seedId}` })
    ).json<EvaluationDetail>();
    const open = await post(finance, '/api/rectification-items', {
      evaluationId: seedId,
      sourceKind: 'finding',
      sourceRef: 'LOW_EXECUTION',
      sourceText: '预算执行率偏低',
      description: '预算执行率 73.03%，10 万元已申请未支付',
      deadline: '2100-03-31',
    });
    expect(open.statusCode).toBe(201);
    const openId = open.json<RectificationItemView>().id;

    const list = await testApp.request(filler, {
      method: 'GET',
      url: `/api/rectification-items?status=open&evaluationId=${seedId}`,
    });
    expect(list.json<RectificationItemPage>().items.map((row) => row.id)).toEqual([openId]);
    const overdue = await testApp.request(finance, { method: 'GET', url: '/api/rectification-items?overdue=true' });
    expect(overdue.json<RectificationItemPage>().total).toBe(0);
    expect(
      (
        await testApp.request(otherFiller, { method: 'GET', url: '/api/rectification-items' })
      ).json<RectificationItemPage>().total,
    ).toBe(0);

    const nextYear = await post(filler, '/api/evaluations', {
      organizationId: testApp.fixture.organizations.unit,
      form: { ...generateForm(7), fiscalYear: seed.fiscalYear + 1, projectName: seed.projectName },
    });
    expect(nextYear.statusCode).toBe(201);
    const next = (
      await testApp.request(filler, { method: 'GET', url: `/api/evaluations/${nextYear.json<{ id: string }>().id}` })
    ).json<EvaluationDetail>();
    expect(next.earlierRectifications.map((row) => row.id)).toEqual([openId]);
    const found = next.result?.findings.filter((finding) => finding.code === 'RECTIFICATION_OPEN') ?? [];
    expect(found.map((finding) => finding.message)).toEqual([expect.stringContaining('预算执行率 73.03%')]);

    const dashboard = await testApp.request(department, { method: 'GET', url: '/api/analysis/dashboard' });
    expect(dashboard.json<{ rectifications: unknown }>().rectifications).toEqual({ open: 1, overdue: 0, submitted: 0 });
  });

  it('refuses a unit registering items, bad dates and unsafe text', async () => {
    const base = { evaluationId: seedId, sourceKind: 'manual', description: '问题', deadline: '2100-01-01' };
    expect((await post(filler, '/api/rectification-items', base)).statusCode).toBe(403);
    expect((await post(department, '/api/rectification-items', { ...base, deadline: '2100-02-30' })).statusCode).toBe(
      400,
    );
    expect((await post(department, '/api/rectification-items', { ...base, deadline: '明年' })).statusCode).toBe(400);
    expect((await post(department, '/api/rectification-items', { ...base, description: 'a\u0000b' })).statusCode).toBe(
      400,
    );
    expect((await post(department, '/api/rectification-items', { ...base, sourceKind: 'rumour' })).statusCode).toBe(
      400,
    );
  });
});
