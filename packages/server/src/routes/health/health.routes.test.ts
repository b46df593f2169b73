import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe.each(testDatabaseKinds())('GET /api/health on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('reports ok and which database it runs on', async () => {
    const response = await testApp.request(null, { method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: kind });
  });

  it('serves the OpenAPI document and its page', async () => {
    const json = await testApp.request(null, { method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    const document = json.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/evaluations',
        '/api/evaluations/{id}/submit',
        '/api/public/evaluations',
      ]),
    );
    const page = await testApp.request(null, { method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('answers unknown routes with a Chinese 404', async () => {
    const response = await testApp.request(null, { method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
  });
});

describe('security headers', () => {
  it('sends a content security policy, no framing and no sniffing on every response', async () => {
    const testApp = await createTestApp();
    try {
      const response = await testApp.request(null, { method: 'GET', url: '/api/health' });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/u);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // Refusals and errors carry them too.
      for (const url of ['/api/evaluations', '/api/no-such-route']) {
        const refused = await testApp.request(null, { method: 'GET', url });
        expect(refused.statusCode).toBeGreaterThanOrEqual(400);
        expect(refused.headers['content-security-policy']).toBe(csp);
        expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(refused.headers['strict-transport-security']).toContain('max-age=');
      }
      const docs = await testApp.request(null, { method: 'GET', url: '/api/docs/static/index.html' });
      expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self' 'unsafe-inline'");
    } finally {
      await testApp.close();
    }
  });
});
