import { readFile } from 'node:fs/promises';
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
    const duplicate = await importAs(filler, payload);
    expect(duplicate.statusCode).toBe(409);
    const evaluationId = created.json<{ evaluation: { id: string; version: number } }>().evaluation.id;
    expect(duplicate.json()).toMatchObject({
      error: {
        code: 'DUPLICATE_PROJECT',
        context: { existing: { evaluationId, status: 'draft', projectName: '征收工作经费', fiscalYear: 2022 } },
      },
    });
    // The way forward it offers: the file as the next version of the existing draft.
    const { version } = duplicate.json<{ error: { context: { existing: { version: number } } } }>().error.context
      .existing;
    const again = await importAs(filler, { ...payload, into: { evaluationId, expectedVersion: version } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ evaluation: { id: evaluationId, version: version + 1 } });
  });

  it('asks before filing another unit’s report, saying what the file states, and files it once confirmed', async () => {
    const seed = Buffer.from(SEED_BASE64, 'base64').toString('utf8');
    const elsewhere = seed
      .replaceAll('开福区城市房屋征收和补偿管理办公室', '岳麓区征收事务中心')
      .replaceAll('征收工作经费', '岳麓征收经费');
    const payload = {
      organizationId: unitId,
      fileName: 'yuelu.txt',
      contentBase64: Buffer.from(elsewhere).toString('base64'),
    };
    const refused = await importAs(filler, payload);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'IMPORT_UNIT_MISMATCH',
        message: expect.stringContaining('主管部门“岳麓区征收事务中心”'),
        context: {
          unitName: '开福区城市房屋征收和补偿管理办公室',
          forms: [{ projectName: '岳麓征收经费', statedDepartment: '岳麓区征收事务中心' }],
        },
      },
    });
    const list = await testApp.request(filler, { method: 'GET', url: '/api/evaluations?search=岳麓' });
    expect(list.json()).toMatchObject({ total: 0 });
    const confirmed = await importAs(filler, { ...payload, confirmUnitMismatch: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
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
    const count = async () =>
      (await testApp.request(filler, { method: 'GET', url: '/api/evaluations' })).json<{ total: number }>().total;
    const before = await count();
    const response = await importAs(filler, { organizationId: unitId, fileName: 'note.txt', contentBase64: garbage });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await count()).toBe(before);
  });

  it('makes one draft per 自评表 of a file that holds several, saying so', async () => {
    const markdown = await readFile(new URL('../../../../../fixtures/markdown/kaifu-2022.md', import.meta.url), 'utf8');
    const two = [markdown.replaceAll('征收工作经费', '甲项目经费'), markdown.replaceAll('征收工作经费', '乙项目经费')];
    const response = await importAs(filler, {
      organizationId: unitId,
      fileName: 'two-projects.md',
      contentBase64: Buffer.from(two.join('\n\n')).toString('base64'),
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      evaluation: { projectName: string };
      additional: { evaluation: { projectName: string; id: string } }[];
      warnings: { code: string; message: string }[];
    }>();
    expect(body.evaluation.projectName).toBe('甲项目经费');
    expect(body.additional.map((item) => item.evaluation.projectName)).toEqual(['乙项目经费']);
    expect(body.warnings.find((warning) => warning.code === 'SEVERAL_FORMS')?.message).toContain('乙项目经费');
    const second = await testApp.request(filler, {
      method: 'GET',
      url: `/api/evaluations/${body.additional[0]?.evaluation.id}`,
    });
    expect(second.json()).toMatchObject({ projectName: '乙项目经费', fiscalYear: 2022 });
  });

  it('refuses a 绩效目标申报表 as not a self-evaluation, storing nothing', async () => {
    const before = (await testApp.request(filler, { method: 'GET', url: '/api/evaluations' })).json<{
      total: number;
    }>();
    const declaration = [
      '项目绩效目标申报表',
      '| 项目名称 | 干部培训 |',
      '|---|---|',
      '| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |',
      '|  | 产出指标 | 数量指标 | 培训人数 | 100人 |',
      '|  | 效益指标 | 社会效益指标 | 群众知晓率 | ≥90% |',
    ].join('\n');
    const response = await importAs(filler, {
      organizationId: unitId,
      fileName: 'declaration.txt',
      contentBase64: Buffer.from(declaration).toString('base64'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_A_SELF_EVALUATION' } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain('绩效目标申报表');
    const after = (await testApp.request(filler, { method: 'GET', url: '/api/evaluations' })).json<{ total: number }>();
    expect(after.total).toBe(before.total);
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
