import { readFileSync } from 'node:fs';
import type { EvaluationForm } from '@jixiao/core';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test-app.ts';

const SEED = readFileSync(new URL('../../../fixtures/seed/kaifu-2022.txt', import.meta.url));

type Detail = {
  id: string;
  status: string;
  version: number;
  currentRevisionId: string;
  form: EvaluationForm;
  reviews: { decision: string; reason: string }[];
  totalScore: number;
  projectName: string;
};

describe.each(testDatabaseKinds())('the whole workflow over HTTP on %s', (kind) => {
  let testApp: TestApp;
  let filler: Session;
  let approver: Session;
  let department: Session;
  let finance: Session;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
    [filler, approver, department, finance] = (await Promise.all(
      ['filler', 'approver', 'department', 'finance'].map((username) => testApp.login(username)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('imports the seed, returns it, resubmits, approves, publishes, serves it publicly and keeps a verifiable audit log', async () => {
    const call = async <T>(
      session: Session | null,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: unknown,
    ): Promise<T> => {
      const response = await testApp.request(session, {
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json<T>();
    };

    const imported = await call<{ evaluation: { id: string }; warnings: unknown[]; attachmentId: string }>(
      filler,
      'POST',
      '/api/evaluations/import',
      {
        organizationId: testApp.fixture.organizations.unit,
        fileName: 'kaifu-2022.txt',
        contentBase64: SEED.toString('base64'),
        mediaType: 'text/plain',
      },
    );
    const id = imported.evaluation.id;
    const first = await call<Detail>(filler, 'GET', `/api/evaluations/${id}`);
    expect(first).toMatchObject({ projectName: '征收工作经费', status: 'draft' });
    expect(first.form.fiscalYear).toBe(2022);
    const original = await testApp.request(filler, { method: 'GET', url: `/api/attachments/${imported.attachmentId}` });
    expect(original.statusCode).toBe(200);
    expect(Buffer.from(original.rawPayload).equals(SEED)).toBe(true);
    expect(
      (await testApp.request(null, { method: 'GET', url: `/api/attachments/${imported.attachmentId}` })).statusCode,
    ).toBe(401);

    await call(filler, 'POST', `/api/evaluations/${id}/submit`, {});
    const reason = '第三项指标未完成，偏差原因分析不充分，请补充';
    await call(finance, 'POST', `/api/evaluations/${id}/return`, { reason });
    const returned = await call<Detail>(filler, 'GET', `/api/evaluations/${id}`);
    expect(returned.status).toBe('returned');

    const form = structuredClone(returned.form);
    const row = form.indicators.findIndex((indicator) => indicator.name !== '');
    const target = form.indicators[row];
    if (!target) throw new Error('the seed has indicators');
    target.deviationNote = '受征收项目进度调整影响，已于次年一季度完成剩余工作';
    await call(filler, 'PUT', `/api/evaluations/${id}`, { expectedVersion: returned.version, form });
    const stale = await testApp.request(filler, {
      method: 'PUT',
      url: `/api/evaluations/${id}`,
      payload: { expectedVersion: returned.version, form },
    });
    expect(stale.statusCode).toBe(409);
    await call(filler, 'POST', `/api/evaluations/${id}/submit`, {});
    const resubmitted = await call<Detail>(finance, 'GET', `/api/evaluations/${id}`);
    const returnedRevision = await call<{ form: EvaluationForm; kind: string }>(
      finance,
      'GET',
      `/api/evaluations/${id}/revisions/${returned.currentRevisionId}`,
    );
    expect(returnedRevision.kind).toBe('submitted');
    expect(returnedRevision.form.indicators[row]?.deviationNote).toBe(returned.form.indicators[row]?.deviationNote);

    const diff = await call<{ changes: { path: string; after: unknown }[] }>(
      finance,
      'GET',
      `/api/evaluations/${id}/diff?from=${returned.currentRevisionId}&to=${resubmitted.currentRevisionId}`,
    );
    expect(diff.changes).toEqual([
      expect.objectContaining({
        path: `indicators[${row}].deviationNote`,
        after: '受征收项目进度调整影响，已于次年一季度完成剩余工作',
      }),
    ]);

    await call(approver, 'POST', `/api/evaluations/${id}/approve`, {});
    await call(department, 'POST', `/api/evaluations/${id}/approve`, {});
    await call(finance, 'POST', `/api/evaluations/${id}/approve`, {});
    await call(finance, 'POST', `/api/evaluations/${id}/publish`, {});
    const published = await call<Detail>(finance, 'GET', `/api/evaluations/${id}`);
    expect(published.status).toBe('published');
    expect(published.reviews.map((review) => [review.decision, review.reason])).toEqual([
      ['returned', reason],
      ['approved', ''],
      ['approved', ''],
      ['approved', ''],
    ]);

    const list = await call<{
      items: { id: string; projectName: string; department: string; year: number; totalScore: number; grade: string }[];
    }>(null, 'GET', '/api/public/evaluations?year=2022');
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        projectName: '征收工作经费',
        department: '开福区住房和城乡建设局',
        year: 2022,
        totalScore: published.totalScore,
      }),
    ]);
    const publicDetail = await call<{ indicators: { explanation: string }[]; totalScore: number }>(
      null,
      'GET',
      `/api/public/evaluations/${id}`,
    );
    expect(publicDetail.totalScore).toBe(published.totalScore);

    const { entries: audit } = await call<{ entries: { action: string; reason: string | null }[] }>(
      finance,
      'GET',
      `/api/evaluations/${id}/audit`,
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'evaluation.import',
      'evaluation.submit',
      'evaluation.return',
      'evaluation.edit',
      'evaluation.submit',
      'evaluation.approve',
      'evaluation.approve',
      'evaluation.approve',
      'evaluation.publish',
    ]);
    expect(audit[2]?.reason).toBe(reason);
    expect(await call(finance, 'GET', '/api/audit-log/verify')).toMatchObject({ ok: true });
  });
});
