import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('auth routes', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('logs in with httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const response = await testApp.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'filler', password: 'Test-password-2024' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'filler', roles: [{ role: 'unit_filler' }] });
    const session = response.cookies.find((cookie) => cookie.name === 'jixiao_session');
    const csrf = response.cookies.find((cookie) => cookie.name === 'jixiao_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.json<{ csrfToken: string }>().csrfToken);
  });

  it.each([
    [{ username: 'filler' }, 'body.password'],
    [{ username: 'filler', password: 'x', extra: 1 }, 'body'],
    [{ username: 42, password: 'x' }, 'body.username'],
  ])('rejects a malformed login body %j with a message per field', async (payload, field) => {
    const response = await testApp.request(null, { method: 'POST', url: '/api/auth/login', payload });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.error.fields)).toContain(field);
  });

  it('rejects malformed JSON and oversize bodies', async () => {
    const malformed = await testApp.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "filler",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
    const oversize = await testApp.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'filler', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(oversize.statusCode).toBe(413);
    expect(oversize.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
  });

  it('answers 401 for a wrong password, and 423 once the account is locked', async () => {
    const wrong = () =>
      testApp.request(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'approver', password: 'Wrong-pass-123' },
      });
    for (let attempt = 1; attempt < 5; attempt += 1) expect((await wrong()).statusCode).toBe(401);
    const locked = await wrong();
    expect(locked.statusCode).toBe(423);
    expect(locked.json<{ error: { message: string } }>().error.message).toMatch(/锁定/);
  });

  it('limits login attempts per client address with 429', async () => {
    const limited = await createTestApp('pglite', { loginRateLimit: 2 });
    try {
      const attempt = () =>
        limited.request(null, {
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'Whatever-123' },
        });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });

  it('returns the current user, requires the CSRF header to log out, and ends the session', async () => {
    const session = await testApp.login('finance');
    expect((await testApp.request(session, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      username: 'finance',
    });
    const withoutCsrf = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    const logout = await testApp.request(session, { method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    expect((await testApp.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await testApp.request(null, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });
});
