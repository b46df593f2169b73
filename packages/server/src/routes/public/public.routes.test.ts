import { generateForm } from '@jixiao/core/testing';
import { sql } from '@jixiao/db';
import {
  approveEvaluation,
  createDraft,
  publishEvaluation,
  publishedChanged,
  submitEvaluation,
  unpublishEvaluation,
} from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publicListResponse } from './public.schema.ts';

describe('public routes', () => {
  let testApp: TestApp;
  let publishedId: string;
  let draftId: string;
  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    const make = (seed: number, projectName: string) =>
      createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(seed), fiscalYear: 2022, projectName },
      });
    const published = await make(11, '公开项目');
    publishedId = published.id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    draftId = (await make(12, '未公开项目')).id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists published evaluations only, anonymously, with filters and paging', async () => {
    const response = await testApp.request(null, { method: 'GET', url: '/api/public/evaluations?year=2022' });
    expect(response.statusCode).toBe(200);
    // Sent as cached JSON text, past the schema's serializer: it must still be what the schema documents.
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(publicListResponse.strict().safeParse(response.json()).success).toBe(true);
    expect(response.json()).toEqual({
      items: [
        {
          id: publishedId,
          projectName: '公开项目',
          department: '开福区住房和城乡建设局',
          unit: '开福区城市房屋征收和补偿管理办公室',
          year: 2022,
          totalScore: expect.any(Number),
          grade: expect.any(String),
          gradeLabel: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const otherYear = await testApp.request(null, { method: 'GET', url: '/api/public/evaluations?year=2021' });
    expect(otherYear.json()).toMatchObject({ total: 0, items: [] });
    const otherDepartment = await testApp.request(null, {
      method: 'GET',
      url: `/api/public/evaluations?department=${encodeURIComponent('开福区教育局')}`,
    });
    expect(otherDepartment.json()).toMatchObject({ total: 0 });
  });

  it('searches by part of the project or the unit name, and shows the list’s 主管部门 on the report page', async () => {
    const search = async (q: string) =>
      (await testApp.request(null, { method: 'GET', url: `/api/public/evaluations?q=${encodeURIComponent(q)}` })).json<{
        items: { id: string; department: string | null }[];
        total: number;
      }>();
    expect(await search('公开')).toMatchObject({ total: 1, items: [{ id: publishedId }] });
    expect(await search('  征收和补偿 ')).toMatchObject({ total: 1, items: [{ id: publishedId }] });
    expect(await search('   ')).toMatchObject({ total: 1 });
    // A draft's name is not searched; % is a character, not a wildcard.
    expect(await search('未公开')).toMatchObject({ total: 0, items: [] });
    expect(await search('%')).toMatchObject({ total: 0, items: [] });
    const listed = await search('公开项目');
    const page = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` });
    expect(page.json()).toMatchObject({
      department: listed.items[0]?.department,
      unit: '开福区城市房屋征收和补偿管理办公室',
      ruleSet: 'national-2020@1.0.0',
      ruleSetName: '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）1.0.0 版',
    });
  });

  it('answers 400 for bad filters', async () => {
    for (const query of [
      'year=abc',
      'page=0',
      'pageSize=101',
      'unknown=1',
      `q=${encodeURIComponent('征'.repeat(101))}`,
      'q=%00',
    ]) {
      const response = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('serves a published evaluation with indicators and explanations, and 404 for anything unpublished', async () => {
    const response = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ indicators: { explanation: string }[]; projectName: string }>();
    expect(body.projectName).toBe('公开项目');
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(body.indicators.every((indicator) => indicator.explanation.length > 0)).toBe(true);
    expect(body).not.toHaveProperty('findings');
    expect((await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${draftId}` })).statusCode).toBe(
      404,
    );
    expect((await testApp.request(null, { method: 'GET', url: '/api/public/evaluations/not-a-uuid' })).statusCode).toBe(
      400,
    );
  });

  it('serves the page stored at publishing, and builds it for a publication stored before there was one', async () => {
    const stored = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` });
    const { db } = testApp.fixture.handle;
    const row = await db
      .selectFrom('publications')
      .select('public_view')
      .where('evaluation_id', '=', publishedId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.public_view ?? 'null')).toEqual(stored.json());
    // As a publication made before migration 0007 looks (what is held in memory forgotten, as on a restart).
    await sql`UPDATE publications SET public_view = NULL WHERE evaluation_id = ${publishedId}`.execute(db);
    publishedChanged(testApp.fixture.ctx);
    const rebuilt = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` });
    expect(rebuilt.json()).toEqual(stored.json());
  });

  it('drops an unpublished evaluation from the portal at once', async () => {
    const { ctx, actors } = testApp.fixture;
    expect(
      (await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` })).statusCode,
    ).toBe(200);
    await unpublishEvaluation(ctx, actors.finance_reviewer, {
      evaluationId: publishedId,
      reason: '数据有误，撤回更正',
    });
    expect(
      (await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` })).statusCode,
    ).toBe(404);
    const list = await testApp.request(null, { method: 'GET', url: '/api/public/evaluations?year=2022' });
    expect(list.json()).toMatchObject({ total: 0, items: [] });
  });
});
