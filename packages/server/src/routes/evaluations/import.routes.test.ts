import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_BASE64, type Session, type TestApp } from '../../../test/test-app.ts';

describe('POST /api/evaluations/import', () => {
  let testApp: TestApp;
  let filler: Session;
  let unitId: string;
  beforeAll(async () => {
    testApp = await createTestApp('pglite', { importBodyLimit: 256 * 1024 });
    filler = await testApp.login('filler');
    unitId = testApp.fixture.organizations.unit;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const importAs = (session: Session | null, payload: Record<string, unknown>) =>
    testApp.request(session, { method: 'POST', url: '/api/evaluations/import', payload });

  it('imports the seed as a scored draft, then answers 409 for the same project again', async () => {
    const payload = { organizationId: unitId, fileName: 'kaifu-2022.txt', contentBase64: SEED_BASE64 };
    const created = await importAs(filler, payload);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      evaluation: { projectName: '征收工作经费', fiscalYear: 2022, status: 'draft' },
    });
    expect((await importAs(filler, payload)).statusCode).toBe(409);
  });

  it('answers 400 for a missing file name, unknown fields and text that is not base64', async () => {
    const missing = await importAs(filler, { organizationId: unitId, contentBase64: SEED_BASE64 });
    expect(missing.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { 'body.fileName': expect.any(String) } },
    });
    expect(
      (await importAs(filler, { organizationId: unitId, fileName: 'a.txt', contentBase64: SEED_BASE64, extra: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await importAs(filler, { organizationId: unitId, fileName: 'a.txt', contentBase64: '这不是 base64' }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses a file it cannot read with a 4xx naming the problem, storing nothing', async () => {
    const garbage = Buffer.from('这只是一段随手写的文字，没有自评表。').toString('base64');
    const response = await importAs(filler, { organizationId: unitId, fileName: 'note.txt', contentBase64: garbage });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const list = await testApp.request(filler, { method: 'GET', url: '/api/evaluations' });
    expect(list.json()).toMatchObject({ total: 1 });
  });

  it('answers 413 above the import body limit', async () => {
    const big = Buffer.alloc(300 * 1024, 65).toString('base64');
    const response = await importAs(filler, { organizationId: unitId, fileName: 'big.txt', contentBase64: big });
    expect(response.statusCode).toBe(413);
  });

  it('answers 401 anonymously and 403 to every role but the filler', async () => {
    const payload = { organizationId: unitId, fileName: 'kaifu-2022.txt', contentBase64: SEED_BASE64 };
    expect((await importAs(null, payload)).statusCode).toBe(401);
    for (const username of ['approver', 'department', 'finance', 'admin', 'other.filler']) {
      const response = await importAs(await testApp.login(username), payload);
      expect(response.statusCode, username).toBe(403);
    }
  });
});
