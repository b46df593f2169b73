import type { EvaluationForm } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

const formFor = (seed: number, projectName: string): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear: 2023,
  projectName,
});

type View = { id: string; version: number; status: string; currentRevisionId: string };

describe('evaluation routes', () => {
  let testApp: TestApp;
  let sessions: Record<'filler' | 'approver' | 'department' | 'finance' | 'admin' | 'otherFiller', Session>;
  let unitId: string;
  beforeAll(async () => {
    testApp = await createTestApp();
    unitId = testApp.fixture.organizations.unit;
    sessions = {
      filler: await testApp.login('filler'),
      approver: await testApp.login('approver'),
      department: await testApp.login('department'),
      finance: await testApp.login('finance'),
      admin: await testApp.login('admin'),
      otherFiller: await testApp.login('other.filler'),
    };
  });
  afterAll(async () => {
    await testApp.close();
  });

  const create = async (projectName: string, seed = 1): Promise<View> => {
    const response = await testApp.request(sessions.filler, {
      method: 'POST',
      url: '/api/evaluations',
      payload: { organizationId: unitId, form: formFor(seed, projectName) },
    });
    expect(response.statusCode).toBe(201);
    return response.json<View>();
  };

  describe('POST /api/evaluations', () => {
    it('creates a draft for the filler', async () => {
      const view = await create('路由新建项目');
      expect(view).toMatchObject({ status: 'draft', version: 2 });
    });

    it('answers 400 per field for wrong types and unknown fields', async () => {
      const form = { ...formFor(2, '错误类型'), fiscalYear: '2023', surprise: true };
      const response = await testApp.request(sessions.filler, {
        method: 'POST',
        url: '/api/evaluations',
        payload: { organizationId: 'not-a-uuid', form },
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ error: { fields: Record<string, string> } }>().error.fields;
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['body.organizationId', 'body.form.fiscalYear']));
      expect(Object.values(fields).join('')).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('answers 401 without a session and 403 without the CSRF header', async () => {
      const payload = { organizationId: unitId, form: formFor(3, '未登录') };
      expect((await testApp.request(null, { method: 'POST', url: '/api/evaluations', payload })).statusCode).toBe(401);
      const noCsrf = await testApp.app.inject({
        method: 'POST',
        url: '/api/evaluations',
        payload,
        headers: { cookie: sessions.filler.cookie },
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it.each(['approver', 'department', 'finance', 'admin', 'otherFiller'] as const)(
      'answers 403 to %s',
      async (who) => {
        const response = await testApp.request(sessions[who], {
          method: 'POST',
          url: '/api/evaluations',
          payload: { organizationId: unitId, form: formFor(4, `无权-${who}`) },
        });
        expect(response.statusCode).toBe(403);
      },
    );

    it('answers 404 for an unknown unit and 409 for a duplicate project', async () => {
      const unknown = await testApp.request(sessions.filler, {
        method: 'POST',
        url: '/api/evaluations',
        payload: { organizationId: '00000000-0000-4000-8000-000000000000', form: formFor(5, '未知单位') },
      });
      expect(unknown.statusCode).toBe(404);
      await create('重复项目');
      const duplicate = await testApp.request(sessions.filler, {
        method: 'POST',
        url: '/api/evaluations',
        payload: { organizationId: unitId, form: formFor(6, '重复项目') },
      });
      expect(duplicate.statusCode).toBe(409);
    });
  });

  describe('GET /api/evaluations and /api/evaluations/:id', () => {
    it('lists within scope, pages, and shows detail', async () => {
      const view = await create('列表项目');
      const list = await testApp.request(sessions.finance, {
        method: 'GET',
        url: '/api/evaluations?pageSize=1&page=1',
      });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ page: 1, pageSize: 1, items: [expect.any(Object)] });
      const other = await testApp.request(sessions.otherFiller, { method: 'GET', url: '/api/evaluations' });
      expect(other.json()).toMatchObject({ total: 0, items: [] });
      const detail = await testApp.request(sessions.filler, { method: 'GET', url: `/api/evaluations/${view.id}` });
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({ id: view.id, availableActions: ['edit', 'submit'] });
    });

    it('answers 400, 401 and 404', async () => {
      const view = await create('详情错误项目');
      expect(
        (await testApp.request(sessions.filler, { method: 'GET', url: '/api/evaluations?pageSize=1000' })).statusCode,
      ).toBe(400);
      expect((await testApp.request(sessions.filler, { method: 'GET', url: '/api/evaluations/abc' })).statusCode).toBe(
        400,
      );
      expect((await testApp.request(null, { method: 'GET', url: `/api/evaluations/${view.id}` })).statusCode).toBe(401);
      expect(
        (await testApp.request(sessions.otherFiller, { method: 'GET', url: `/api/evaluations/${view.id}` })).statusCode,
      ).toBe(404);
    });
  });

  describe('PUT /api/evaluations/:id', () => {
    it('saves with the current version and answers 409 with a clear message for a stale one', async () => {
      const view = await create('编辑项目');
      const form = formFor(7, '编辑项目');
      const saved = await testApp.request(sessions.filler, {
        method: 'PUT',
        url: `/api/evaluations/${view.id}`,
        payload: { expectedVersion: view.version, form },
      });
      expect(saved.statusCode).toBe(200);
      const stale = await testApp.request(sessions.filler, {
        method: 'PUT',
        url: `/api/evaluations/${view.id}`,
        payload: { expectedVersion: view.version, form },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ error: { message: string } }>().error.message).toMatch(/已被他人修改.*未保存/);
    });

    it('answers 400 without a version, 403 to a reviewer and 404 to another unit', async () => {
      const view = await create('编辑权限项目');
      const form = formFor(8, '编辑权限项目');
      const url = `/api/evaluations/${view.id}`;
      expect((await testApp.request(sessions.filler, { method: 'PUT', url, payload: { form } })).statusCode).toBe(400);
      for (const who of ['approver', 'department', 'finance', 'admin'] as const) {
        const response = await testApp.request(sessions[who], {
          method: 'PUT',
          url,
          payload: { expectedVersion: view.version, form },
        });
        expect(response.statusCode, who).toBe(403);
      }
      const other = await testApp.request(sessions.otherFiller, {
        method: 'PUT',
        url,
        payload: { expectedVersion: view.version, form },
      });
      expect(other.statusCode).toBe(404);
    });
  });

  describe('workflow transitions', () => {
    const post = (who: keyof typeof sessions, id: string, action: string, payload: Record<string, unknown> = {}) =>
      testApp.request(sessions[who], { method: 'POST', url: `/api/evaluations/${id}/${action}`, payload });

    it('walks every step, refusing each role that must not pass', async () => {
      const view = await create('路由流程项目');
      const steps: [string, keyof typeof sessions, (keyof typeof sessions)[], Record<string, unknown>][] = [
        ['submit', 'filler', ['approver', 'department', 'finance', 'admin'], {}],
        ['approve', 'approver', ['filler', 'department', 'finance', 'admin'], {}],
        ['approve', 'department', ['filler', 'approver', 'finance', 'admin'], {}],
        ['approve', 'finance', ['filler', 'approver', 'department', 'admin'], {}],
        ['publish', 'finance', ['filler', 'approver', 'department', 'admin'], {}],
        ['unpublish', 'finance', ['filler', 'approver', 'department', 'admin'], { reason: '更正数据' }],
      ];
      for (const [action, allowed, refused, payload] of steps) {
        for (const who of refused)
          expect((await post(who, view.id, action, payload)).statusCode, `${who} ${action}`).toBe(403);
        expect((await post('otherFiller', view.id, action, payload)).statusCode).toBe(404);
        const response = await post(allowed, view.id, action, payload);
        expect(response.statusCode, `${allowed} ${action}: ${response.body}`).toBe(200);
      }
    });

    it('answers 400 for a return without reason, 409 for an impossible step, 404 for an unknown id, 401 anonymously', async () => {
      const view = await create('路由退回项目');
      expect((await post('finance', view.id, 'approve')).statusCode).toBe(409);
      expect((await post('filler', view.id, 'submit')).statusCode).toBe(200);
      const noReason = await post('finance', view.id, 'return', {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<{ error: { message: string } }>().error.message).toMatch(/必须填写原因/);
      expect((await post('finance', view.id, 'return', { reason: 1 })).statusCode).toBe(400);
      expect((await post('finance', view.id, 'return', { reason: '退回原因', expectedVersion: 1 })).statusCode).toBe(
        409,
      );
      expect((await post('finance', view.id, 'return', { reason: '退回原因' })).statusCode).toBe(200);
      expect((await post('finance', '00000000-0000-4000-8000-000000000000', 'submit')).statusCode).toBe(404);
      expect(
        (await testApp.request(null, { method: 'POST', url: `/api/evaluations/${view.id}/submit` })).statusCode,
      ).toBe(401);
    });
  });

  describe('diff and audit', () => {
    it('diffs two revisions and lists the audit trail, within scope', async () => {
      const view = await create('差异项目');
      const form = formFor(1, '差异项目');
      form.annualGoal.actual = '全部完成';
      const saved = (
        await testApp.request(sessions.filler, {
          method: 'PUT',
          url: `/api/evaluations/${view.id}`,
          payload: { expectedVersion: view.version, form },
        })
      ).json<View>();
      const url = `/api/evaluations/${view.id}/diff?from=${view.currentRevisionId}&to=${saved.currentRevisionId}`;
      const diff = await testApp.request(sessions.finance, { method: 'GET', url });
      expect(diff.statusCode).toBe(200);
      expect(diff.json<{ changes: { path: string }[] }>().changes.map((change) => change.path)).toEqual([
        'annualGoal.actual',
      ]);
      expect(
        (await testApp.request(sessions.finance, { method: 'GET', url: `/api/evaluations/${view.id}/diff?from=x` }))
          .statusCode,
      ).toBe(400);
      expect((await testApp.request(sessions.otherFiller, { method: 'GET', url })).statusCode).toBe(404);
      const audit = await testApp.request(sessions.filler, { method: 'GET', url: `/api/evaluations/${view.id}/audit` });
      expect(audit.json<{ entries: { action: string }[] }>().entries.map((entry) => entry.action)).toEqual([
        'evaluation.create',
        'evaluation.edit',
      ]);
      expect(
        (await testApp.request(null, { method: 'GET', url: `/api/evaluations/${view.id}/audit` })).statusCode,
      ).toBe(401);
    });
  });
});
