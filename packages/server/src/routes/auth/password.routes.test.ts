import { PASSWORD_MAX_AGE_DAYS } from '@jixiao/services';
import { TEST_PASSWORD } from '@jixiao/services/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

type ErrorReply = { error: { code: string; message: string; fields?: Record<string, string> } };

describe('password expiry, must-change and POST /api/auth/password', () => {
  let testApp: TestApp;
  let clock = new Date();
  beforeAll(async () => {
    testApp = await createTestApp('pglite', {}, { now: () => clock });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const change = (session: Session | null, currentPassword: string, newPassword: string) =>
    testApp.request(session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword, newPassword },
    });

  /** Only me, logout and the password change answer while a change is pending. */
  const expectRestricted = async (session: Session, reason: RegExp) => {
    for (const url of ['/api/evaluations', '/api/organizations', '/api/findings']) {
      const response = await testApp.request(session, { method: 'GET', url });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorReply>().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
      expect(response.json<ErrorReply>().error.message).toMatch(reason);
    }
  };

  it('makes an account an admin created change its password first; signing out still works', async () => {
    const admin = await testApp.login('admin');
    const created = await testApp.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'new.approver',
        displayName: '新审核员',
        password: 'Given-by-admin-1',
        roles: [{ organizationId: testApp.fixture.organizations.unit, role: 'unit_approver' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const first = await testApp.login('new.approver', 'Given-by-admin-1');
    expect((await testApp.request(first, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      passwordChangeRequired: 'must_change',
    });
    await expectRestricted(first, /临时密码/);
    expect((await testApp.request(first, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    const second = await testApp.login('new.approver', 'Given-by-admin-1');
    expect((await change(second, 'Given-by-admin-1', 'Approver-own-pass-1')).statusCode).toBe(200);
    expect((await testApp.request(second, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
  });

  it('names the rule a new password breaks, in Chinese', async () => {
    const session = await testApp.login('approver');
    const reused = await change(session, TEST_PASSWORD, TEST_PASSWORD);
    expect(reused.statusCode).toBe(400);
    expect(reused.json<ErrorReply>().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '新密码不能与最近 5 次使用过的密码相同',
      fields: { newPassword: '新密码不能与最近 5 次使用过的密码相同' },
    });
    const withUsername = await change(session, TEST_PASSWORD, 'My-Approver-2025');
    expect(withUsername.json<ErrorReply>().error.message).toBe('密码不能包含用户名');
    const wrongCurrent = await change(session, 'Not-my-password-1', 'Fresh-pass-2025');
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json<ErrorReply>().error.fields).toEqual({ currentPassword: '当前密码不正确' });
  });

  it("ends the user's other sessions on a change and keeps the one it was made in", async () => {
    const here = await testApp.login('department');
    const elsewhere = await testApp.login('department');
    const changed = await change(here, TEST_PASSWORD, 'Housing-bureau-new-1');
    expect(changed.json()).toEqual({ revokedSessions: 1 });
    expect((await testApp.request(elsewhere, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await testApp.request(elsewhere, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(401);
    expect((await testApp.request(here, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    const audit = await testApp.request(await testApp.login('admin'), { method: 'GET', url: '/api/audit-log/verify' });
    expect(audit.json()).toMatchObject({ ok: true });
  });

  it('answers 401 to an anonymous caller before looking at the body', async () => {
    const response = await testApp.request(null, { method: 'POST', url: '/api/auth/password', payload: { x: 1 } });
    expect(response.statusCode).toBe(401);
  });

  // Last: it moves the clock past every fixture account's deadline.
  it(`restricts a session whose password is older than ${PASSWORD_MAX_AGE_DAYS} days until it is changed`, async () => {
    clock = new Date(clock.getTime() + (PASSWORD_MAX_AGE_DAYS - 1) * 86_400_000);
    const fresh = await testApp.login('finance');
    expect((await testApp.request(fresh, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 86_400_000 + 60_000);
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'finance', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ username: 'finance', passwordChangeRequired: 'expired' });
    const session = await testApp.login('finance');
    await expectRestricted(session, /超过 90 天/);
    const me = await testApp.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ passwordChangeRequired: 'expired' });
    const withoutCsrf = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Renewed-pass-2025' },
    });
    expect(withoutCsrf.json<ErrorReply>().error.code).toBe('FORBIDDEN');
    const changed = await change(session, TEST_PASSWORD, 'Renewed-pass-2025');
    expect(changed.statusCode).toBe(200);
    expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    expect((await testApp.request(session, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      passwordChangeRequired: null,
    });
  });
});
