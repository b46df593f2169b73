import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { parseSwitch, parseTrustProxy } from './deployment-settings.ts';

describe('deployment settings', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['', false],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.1, 192.168.0.0/16,::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
  ])('reads --trust-proxy %j', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });

  it.each(['yes-please', '10.0.0.300', '10.0.0.0/33', 'nginx'])('refuses --trust-proxy %j', (text) => {
    expect(() => parseTrustProxy(text)).toThrow(/信任的代理/);
  });

  it('reads JIXIAO_SECURE_COOKIES as a switch', () => {
    expect([
      parseSwitch('X', undefined),
      parseSwitch('X', 'true'),
      parseSwitch('X', '1'),
      parseSwitch('X', '0'),
    ]).toEqual([false, true, true, false]);
    expect(() => parseSwitch('JIXIAO_SECURE_COOKIES', 'maybe')).toThrow(/JIXIAO_SECURE_COOKIES/);
  });
});

type Attempt = { via: string; forwardedFor?: string };

/** Wrong-password sign-ins as the proxy at `via` would send them; the statuses in order. */
const statusesOf = async (testApp: TestApp, attempts: Attempt[]): Promise<number[]> => {
  const statuses: number[] = [];
  for (const attempt of attempts) {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: attempt.via,
      headers: attempt.forwardedFor ? { 'x-forwarded-for': attempt.forwardedFor } : {},
      payload: { username: 'nobody', password: 'Whatever-123' },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
};

describe('behind TLS and a reverse proxy', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await createTestApp('pglite', { loginRateLimit: 2 });
    proxied = await createTestApp('pglite', { loginRateLimit: 2, trustProxy: ['10.0.0.1'], cookieSecure: true });
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('sets Secure on both cookies when asked', async () => {
    for (const [testApp, secure] of [
      [direct, undefined],
      [proxied, true],
    ] as const) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': '198.51.100.20' },
        payload: { username: 'filler', password: 'Test-password-2024' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.map((cookie) => [cookie.name, cookie.secure])).toEqual([
        ['jixiao_session', secure],
        ['jixiao_csrf', secure],
      ]);
    }
  });

  it('keys the rate limit on the proxy address unless the proxy is trusted', async () => {
    const clients = ['198.51.100.1', '198.51.100.2', '198.51.100.3'].map((client) => ({
      via: '10.0.0.9',
      forwardedFor: client,
    }));
    // Untrusted: three clients behind one proxy share its bucket of two.
    expect(await statusesOf(direct, clients)).toEqual([401, 401, 429]);
  });

  it('keys the rate limit on X-Forwarded-For from a trusted proxy, and only from it', async () => {
    const viaProxy = (client: string) => ({ via: '10.0.0.1', forwardedFor: client });
    expect(
      await statusesOf(proxied, [viaProxy('198.51.100.1'), viaProxy('198.51.100.2'), viaProxy('198.51.100.3')]),
    ).toEqual([401, 401, 401]);
    expect(
      await statusesOf(proxied, [viaProxy('198.51.100.4'), viaProxy('198.51.100.4'), viaProxy('198.51.100.4')]),
    ).toEqual([401, 401, 429]);
    // A client connecting directly cannot pick its bucket by forging the header.
    const forged = (client: string) => ({ via: '203.0.113.5', forwardedFor: client });
    expect(await statusesOf(proxied, [forged('198.51.100.5'), forged('198.51.100.6'), forged('198.51.100.7')])).toEqual(
      [401, 401, 429],
    );
  });
});
