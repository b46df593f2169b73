import { generateForm } from '@jixiao/core/testing';
import {
  approveEvaluation,
  createDraft,
  FEEDBACK_PER_REPORT_PER_DAY,
  feedbackSourceHash,
  publishEvaluation,
  submitEvaluation,
} from '@jixiao/services';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

type FeedbackItem = {
  id: string;
  body: string;
  status: string;
  reply: string | null;
  rectificationItemId: string | null;
};

describe('public feedback routes', () => {
  let testApp: TestApp;
  let published: string;
  let draft: string;
  let finance: Session;
  let filler: Session;
  let nextAddress = 1;

  /** A post from a fresh client address unless one is named (the limits are per address). */
  const post = (evaluationId: string, payload: Record<string, unknown>, options: Partial<InjectOptions> = {}) =>
    testApp.request(null, {
      method: 'POST',
      url: `/api/public/evaluations/${evaluationId}/feedback`,
      remoteAddress: `198.51.100.${nextAddress++}`,
      payload,
      ...options,
    });
  const staffList = async (session: Session): Promise<FeedbackItem[]> =>
    (await testApp.request(session, { method: 'GET', url: '/api/feedback' })).json<{ items: FeedbackItem[] }>().items;
  const errorOf = (response: { json: <T>() => T }) =>
    response.json<{ error: { code: string; message: string } }>().error;

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    const make = (seed: number, projectName: string) =>
      createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(seed), fiscalYear: 2022, projectName },
      });
    published = (await make(31, '反馈公开项目')).id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: published });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: published });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: published });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: published });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: published });
    draft = (await make(32, '反馈未公开项目')).id;
    finance = await testApp.login('finance');
    filler = await testApp.login('filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('takes a message without an account and says it will appear after review', async () => {
    const response = await post(published, { body: '请问征收补偿款是否已全部发放？', contact: 'zhang@example.cn' });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: true, message: expect.stringContaining('审核后') });
    expect((await staffList(finance)).map((item) => item.body)).toContain('请问征收补偿款是否已全部发放？');
  });

  it('stores HTML and script verbatim and returns it as JSON text, never markup', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>document.cookie</script>';
    expect((await post(published, { body: hostile })).statusCode).toBe(202);
    const item = (await staffList(finance)).find((candidate) => candidate.body === hostile);
    expect(item?.body).toBe(hostile);
    const published1 = await testApp.request(finance, {
      method: 'POST',
      url: `/api/feedback/${item?.id}/publish`,
      payload: { reply: '<b>已核实</b>' },
    });
    expect(published1.statusCode).toBe(200);
    const portal = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${published}/feedback` });
    expect(portal.headers['content-type']).toContain('application/json');
    expect(portal.json<{ items: FeedbackItem[] }>().items).toContainEqual(
      expect.objectContaining({ body: hostile, reply: '<b>已核实</b>' }),
    );
    expect(portal.body).not.toContain('zhang@example.cn');
  });

  it.each([
    ['too short', { body: '好' }, 400],
    ['oversized', { body: '长'.repeat(501) }, 400],
    ['far oversized', { body: 'x'.repeat(100_000) }, 400],
    ['NUL', { body: '内容\u0000内容内容' }, 400],
    ['control character', { body: '内容\u001b[31m内容内容' }, 400],
    ['long contact', { body: '正常的反馈内容', contact: '1'.repeat(101) }, 400],
    ['unknown field', { body: '正常的反馈内容', extra: 1 }, 400],
  ])('refuses %s text', async (_case, payload, status) => {
    const response = await post(published, payload);
    expect(response.statusCode).toBe(status);
    expect(errorOf(response).message).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('answers a honeypot post as accepted and stores nothing', async () => {
    const response = await post(published, { body: '优惠促销请点击链接', website: 'http://spam.example' });
    expect(response.statusCode).toBe(202);
    expect((await staffList(finance)).map((item) => item.body)).not.toContain('优惠促销请点击链接');
  });

  it('refuses feedback on an unpublished or nonexistent report with 404', async () => {
    expect((await post(draft, { body: '未公开报告的反馈' })).statusCode).toBe(404);
    expect((await post('00000000-0000-4000-8000-000000000000', { body: '不存在报告的反馈' })).statusCode).toBe(404);
    expect(
      (await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${draft}/feedback` })).statusCode,
    ).toBe(404);
  });

  it('refuses a flood from one address and still takes another address', async () => {
    const flood = { remoteAddress: '192.0.2.50' };
    for (let index = 0; index < FEEDBACK_PER_REPORT_PER_DAY; index += 1) {
      expect((await post(published, { body: `同一地址的第 ${index + 1} 条反馈` }, flood)).statusCode).toBe(202);
    }
    const refused = await post(published, { body: '同一地址超出限额的反馈' }, flood);
    expect(refused.statusCode).toBe(429);
    expect(errorOf(refused)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') });
    expect((await post(published, { body: '另一地址的正常反馈' }, { remoteAddress: '192.0.2.51' })).statusCode).toBe(
      202,
    );
  });

  it('refuses a post from another site but takes one from this site', async () => {
    const crossSite = await post(
      published,
      { body: '别的网站代为提交' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.statusCode).toBe(403);
    const fetchMeta = await post(
      published,
      { body: '别的网站代为提交' },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(fetchMeta.statusCode).toBe(403);
    const sameSite = await post(
      published,
      { body: '本站页面提交的反馈' },
      { headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' } },
    );
    expect(sameSite.statusCode).toBe(202);
  });

  it('lets the unit draft, the bureau hide and turn a message into a 整改 item', async () => {
    expect((await post(published, { body: '工地夜间施工噪声扰民' })).statusCode).toBe(202);
    const item = (await staffList(filler)).find((candidate) => candidate.body === '工地夜间施工噪声扰民');
    const drafted = await testApp.request(filler, {
      method: 'POST',
      url: `/api/feedback/${item?.id}/draft-reply`,
      payload: { draft: '已要求施工方调整作业时间。' },
    });
    expect(drafted.statusCode).toBe(200);
    const byUnit = await testApp.request(filler, {
      method: 'POST',
      url: `/api/feedback/${item?.id}/hide`,
      payload: { reason: '单位不能隐藏' },
    });
    expect(byUnit.statusCode).toBe(403);
    const converted = await testApp.request(finance, {
      method: 'POST',
      url: `/api/feedback/${item?.id}/rectification`,
      payload: { description: '夜间施工噪声扰民', measure: '限定作业时间', deadline: '2099-12-31' },
    });
    expect(converted.statusCode).toBe(200);
    expect(converted.json<FeedbackItem>().rectificationItemId).toEqual(expect.any(String));
    const hidden = await testApp.request(finance, {
      method: 'POST',
      url: `/api/feedback/${item?.id}/hide`,
      payload: { reason: '已转整改跟踪，不单独公开' },
    });
    expect(hidden.json<FeedbackItem>()).toMatchObject({ status: 'hidden' });
  });
});

describe('public feedback with a configured key', () => {
  it('hashes the address with JIXIAO_FEEDBACK_KEY, so servers sharing a database count one sender as one', async () => {
    const key = 'a-key-shared-by-every-server-of-this-database';
    const testApp = await createTestApp('pglite', { feedbackKey: key });
    try {
      const { ctx, actors, organizations } = testApp.fixture;
      const { id } = await createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(41), fiscalYear: 2022, projectName: '反馈密钥项目' },
      });
      await submitEvaluation(ctx, actors.unit_filler, { evaluationId: id });
      await approveEvaluation(ctx, actors.unit_approver, { evaluationId: id });
      await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: id });
      await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
      await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
      const response = await testApp.request(null, {
        method: 'POST',
        url: `/api/public/evaluations/${id}/feedback`,
        remoteAddress: '203.0.113.9',
        payload: { body: '配置密钥后的反馈内容' },
      });
      expect(response.statusCode).toBe(202);
      const row = await ctx.db.selectFrom('public_feedback').select('source_hash').executeTakeFirstOrThrow();
      expect(row.source_hash).toBe(feedbackSourceHash(new TextEncoder().encode(key), '203.0.113.9'));
    } finally {
      await testApp.close();
    }
  });
});
