import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createServiceFixture, type ServiceFixture } from '@jixiao/services/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { staticFileFor } from './web-app.ts';

describe('staticFileFor', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, '.vite', 'manifest.json'), '{}');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['/index.html', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/assets/app.js?v=1', 'assets/app.js'],
    ['/assets/%61pp.js', 'assets/app.js'],
    ['/', null],
    ['/assets', null],
    ['/reports/123', null],
    ['/../package.json', null],
    ['/assets/..%2f..%2fpackage.json', null],
    ['/.vite/manifest.json', null],
    ['/%E0%A4%A', null],
    ['/index.html%00.js', null],
  ])('%s → %s', (url, expected) => {
    expect(staticFileFor(root, url)).toBe(expected);
  });
});

const VENDOR = `export const names = ${JSON.stringify(Array.from({ length: 300 }, (_, index) => `单位${index}`))};`;

describe('serving the web app', () => {
  let fixture: ServiceFixture;
  let app: FastifyInstance;
  let apiOnly: FastifyInstance;
  const root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>绩效</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'export {};');
    // As the web build leaves it: a compressed copy of each asset beside it.
    writeFileSync(join(root, 'assets', 'vendor-def456.js'), VENDOR);
    writeFileSync(join(root, 'assets', 'vendor-def456.js.br'), brotliCompressSync(VENDOR));
    writeFileSync(join(root, 'assets', 'vendor-def456.js.gz'), gzipSync(VENDOR));
    fixture = await createServiceFixture('pglite');
    app = await buildApp({ db: fixture.handle.db, databaseKind: fixture.handle.kind, webRoot: root });
    apiOnly = await buildApp({
      db: fixture.handle.db,
      databaseKind: fixture.handle.kind,
      webRoot: join(root, 'not-built'),
    });
  });
  afterAll(async () => {
    await app.close();
    await apiOnly.close();
    await fixture.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for any page path, fresh every time', async () => {
    for (const url of ['/', '/reports/5f57ad5a-37db-481c-a741-b7d49a3ab167', '/app/evaluations/x?tab=1', '/login']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable, under the same security headers as the API', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it.each([
    ['br, gzip, deflate', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['', undefined, (bytes: Buffer) => bytes],
  ] as const)(
    'answers Accept-Encoding “%s” with the %s copy the build wrote, varying on it',
    async (accept, encoding, decode) => {
      const response = await app.inject({
        method: 'GET',
        url: '/assets/vendor-def456.js',
        headers: accept ? { 'accept-encoding': accept } : {},
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toContain('javascript');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers.vary).toContain('accept-encoding');
      expect(decode(response.rawPayload).toString()).toBe(VENDOR);
    },
  );

  it('keeps unknown API paths and non-GET requests as JSON 404s', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api'],
      ['POST', '/reports/1'],
      ['DELETE', '/'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json(), `${method} ${url}`).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('says how to build the web app when it is not built, and serves the API alone', async () => {
    const page = await apiOnly.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('npm run build:web');
    const api = await apiOnly.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
    expect((await apiOnly.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('adds no routes to the route table (the authorization matrix covers API routes only)', () => {
    expect(app.routeTable.map((route) => route.url)).toEqual(apiOnly.routeTable.map((route) => route.url));
  });
});
