import { stringsWithoutSafeText, UNSAFE_TEXT_MESSAGE } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { createTestApp, SEED_BASE64, type Session, type TestApp } from './test-app.ts';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

/**
 * NUL and lone surrogates (issue 14): PostgreSQL refused the NUL with an error the API answered as 500. Every
 * string an API route takes is built by core's safeText, so each is refused at the schema with a 400 that names
 * the field, on every route family.
 */
describe('NUL and lone surrogates at the API edge', () => {
  let testApp: TestApp;
  let filler: Session;
  let admin: Session;
  let draftId: string;
  beforeAll(async () => {
    testApp = await createTestApp();
    filler = await testApp.login('filler');
    admin = await testApp.login('admin');
    draftId = await testApp.importSeed();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('builds every string of every route input with safeText', () => {
    const unchecked = testApp.app.routeTable.flatMap((route) =>
      (['body', 'querystring', 'params'] as const).flatMap((part) => {
        const schema = route.schema?.[part];
        return schema
          ? stringsWithoutSafeText(schema as ZodType).map((path) => `${route.method} ${route.url} ${part}${path}`)
          : [];
      }),
    );
    expect(unchecked).toEqual([]);
  });

  const expectRefused = async (session: Session | null, options: InjectOptions, field: string) => {
    const response = await testApp.request(session, options);
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields[field]).toBe(UNSAFE_TEXT_MESSAGE);
  };

  /** JSON text as a client would send it: JSON.stringify writes a lone surrogate as the escape \ud800. */
  const json = (value: unknown) => ({
    payload: JSON.stringify(value),
    headers: { 'content-type': 'application/json' },
  });

  it('refuses NUL in query strings: the public list anonymously and the search', async () => {
    await expectRefused(
      null,
      { method: 'GET', url: '/api/public/evaluations?department=%00' },
      'querystring.department',
    );
    await expectRefused(filler, { method: 'GET', url: `/api/evaluations?search=a%00b` }, 'querystring.search');
  });

  it('answers bytes that are not UTF-8 in a query string without a 5xx (they never decode to a surrogate)', async () => {
    const response = await testApp.request(null, {
      method: 'GET',
      url: '/api/public/evaluations?department=%ED%A0%80',
    });
    expect(response.statusCode).toBeLessThan(500);
  });

  it.each([NUL, LONE_SURROGATE])('refuses %j in a form field of a draft save, naming the field', async (bad) => {
    const current = await testApp.request(filler, { method: 'GET', url: `/api/evaluations/${draftId}` });
    const { version } = current.json<{ version: number }>();
    const form = { ...generateForm(4), fiscalYear: 2023 };
    await expectRefused(
      filler,
      {
        method: 'PUT',
        url: `/api/evaluations/${draftId}`,
        ...json({ expectedVersion: version, form: { ...form, projectName: `项目${bad}` } }),
      },
      'body.form.projectName',
    );
    const indicators = form.indicators.map((row, index) => (index === 0 ? { ...row, actual: bad } : row));
    await expectRefused(
      filler,
      {
        method: 'PUT',
        url: `/api/evaluations/${draftId}`,
        ...json({ expectedVersion: version, form: { ...form, indicators } }),
      },
      'body.form.indicators.0.actual',
    );
  });

  it.each([NUL, LONE_SURROGATE])('refuses %j in the file name of an import and of a bulk audit', async (bad) => {
    const upload = { fileName: `kaifu${bad}.txt`, contentBase64: SEED_BASE64 };
    await expectRefused(
      filler,
      {
        method: 'POST',
        url: '/api/evaluations/import',
        ...json({ organizationId: testApp.fixture.organizations.unit, ...upload }),
      },
      'body.fileName',
    );
    await expectRefused(filler, { method: 'POST', url: '/api/bulk-audits', ...json(upload) }, 'body.fileName');
  });

  it.each([NUL, LONE_SURROGATE])('refuses %j in sign-in, reasons, users and organisations', async (bad) => {
    await expectRefused(
      null,
      { method: 'POST', url: '/api/auth/login', ...json({ username: `filler${bad}`, password: 'Test-password-2024' }) },
      'body.username',
    );
    await expectRefused(
      filler,
      { method: 'POST', url: `/api/evaluations/${draftId}/return`, ...json({ reason: `原因${bad}` }) },
      'body.reason',
    );
    await expectRefused(
      admin,
      { method: 'POST', url: '/api/users', ...json({ username: `user${bad}`, roles: [] }) },
      'body.username',
    );
    await expectRefused(
      admin,
      {
        method: 'POST',
        url: '/api/organizations',
        ...json({ name: `单位${bad}`, kind: 'department', parentId: testApp.fixture.organizations.bureau }),
      },
      'body.name',
    );
  });
});
