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

  it('throttles an address guessing a name, known or not, alike, and lets the owner in from elsewhere', async () => {
    const attempt = (username: string, password: string, remoteAddress: string) =>
      testApp.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
    const answers = async (username: string, remoteAddress: string) => {
      const seen = [];
      for (let failure = 0; failure < 6; failure += 1) {
        const response = await attempt(username, 'Wrong-pass-123', remoteAddress);
        seen.push([response.statusCode, response.headers['retry-after'], response.body]);
      }
      return seen;
    };
    const known = await answers('approver', '203.0.113.1');
    expect(await answers('no.such.account', '203.0.113.2')).toEqual(known);
    expect(known.map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(known[4]?.[1]).toBe('60');
    expect(JSON.parse(String(known[4]?.[2]))).toMatchObject({ error: { code: 'LOGIN_THROTTLED' } });
    expect((await attempt('approver', 'Test-password-2024', '203.0.113.1')).statusCode).toBe(429);
    expect((await attempt('approver', 'Test-password-2024', '198.51.100.1')).statusCode).toBe(200);
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
