import { generateForm } from '@jixiao/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test-app.ts';

/**
 * API bodies under fuzzing (issue 8): arbitrary JSON, and real forms with one field replaced by an arbitrary
 * value, against the write routes. Every answer is a clear 2xx/4xx with a Chinese message — never a 5xx.
 */
describe('fuzzed JSON bodies', () => {
  let testApp: TestApp;
  let filler: Session;
  let unitId: string;
  let draftId: string;
  let tried = 0;
  beforeAll(async () => {
    testApp = await createTestApp();
    filler = await testApp.login('filler');
    unitId = testApp.fixture.organizations.unit;
    const created = await testApp.request(filler, {
      method: 'POST',
      url: '/api/evaluations',
      payload: { organizationId: unitId, form: { ...generateForm(1), fiscalYear: 2023, projectName: '模糊测试' } },
    });
    draftId = created.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const expectClearAnswer = (status: number, body: string) => {
    tried++;
    expect(status, body).toBeLessThan(500);
    if (status >= 400) expect(body).toMatch(/[\u4e00-\u9fff]/u);
  };

  it('answers arbitrary JSON on every write route without a 5xx', async () => {
    const routes = [
      ['POST', '/api/evaluations'],
      ['PUT', `/api/evaluations/${draftId}`],
      ['POST', '/api/evaluations/import'],
      ['POST', `/api/evaluations/${draftId}/return`],
      ['POST', '/api/users'],
      ['POST', '/api/organizations'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/password'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 4 }), async ([method, url], payload) => {
        const response = await testApp.request(filler, {
          method,
          url,
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        expectClearAnswer(response.statusCode, response.body);
      }),
      { numRuns: 300 },
    );
  });

  it('answers a real form with one field replaced by anything without a 5xx', async () => {
    const form = { ...generateForm(2), fiscalYear: 2023 };
    const paths = [
      'projectName',
      'fiscalYear',
      'funds',
      'funds.total',
      'funds.unit',
      'indicators',
      'narrative.sections',
      'unitFacts',
      'statedTotal',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(1_000_000),
        async (path, value, seed) => {
          const copy = structuredClone(form) as Record<string, unknown>;
          const keys = path.split('.');
          let target = copy;
          for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
          target[keys.at(-1) ?? ''] = value;
          copy['projectName'] = `模糊${seed}`;
          const response = await testApp.request(filler, {
            method: 'POST',
            url: '/api/evaluations',
            payload: { organizationId: unitId, form: copy },
          });
          expectClearAnswer(response.statusCode, response.body);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers malformed JSON and oversize bodies with 400 and 413', async () => {
    const malformed = await testApp.request(filler, {
      method: 'POST',
      url: '/api/evaluations',
      payload: '{"organizationId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    const oversize = await testApp.request(filler, {
      method: 'POST',
      url: '/api/evaluations',
      payload: JSON.stringify({ organizationId: unitId, padding: 'x'.repeat(3 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(oversize.statusCode).toBe(413);
    expect(tried).toBeGreaterThanOrEqual(500);
  });
});
