import { generateForm } from '@jixiao/core/testing';
import { createTestDatabase } from '@jixiao/db/testing';
import { approveEvaluation, createDraft, publishEvaluation, submitEvaluation } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { OPEN_DATA_PER_MINUTE } from './public.routes.ts';

type Record = { evaluationId: string; year: number; projectName: string; indicator: string; score: number };

/** Splits one CSV line (RFC 4180 quoting) into its cells. */
const csvCells = (line: string): string[] => {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
};

describe('open data routes', () => {
  let testApp: TestApp;
  let publishedId: string;
  let publishedIndicators: number;
  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    const make = (seed: number, fiscalYear: number, projectName: string) => {
      const form = { ...generateForm(seed), fiscalYear, projectName };
      return createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form });
    };
    const generated = generateForm(21);
    const [first, ...rest] = generated.indicators;
    if (!first) throw new Error('generateForm gave no indicators');
    const form = { ...generated, indicators: [{ ...first, name: '=HYPERLINK("x")，含"引号",逗号' }, ...rest] };
    publishedIndicators = form.indicators.length;
    publishedId = (
      await createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...form, fiscalYear: 2022, projectName: '开放数据项目' },
      })
    ).id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: publishedId });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: publishedId });
    await make(22, 2022, '草稿项目');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists every indicator of published evaluations only, as JSON, anonymously', async () => {
    const response = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.json' });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Record[] }>().items;
    expect(items).toHaveLength(publishedIndicators);
    expect(new Set(items.map((item) => item.evaluationId))).toEqual(new Set([publishedId]));
    expect(items.every((item) => item.projectName === '开放数据项目' && item.year === 2022)).toBe(true);
    const detail = await testApp.request(null, { method: 'GET', url: `/api/public/evaluations/${publishedId}` });
    const scores = detail.json<{ indicators: { score: number }[] }>().indicators.map((row) => row.score);
    expect(items.map((item) => item.score)).toEqual(scores);
  });

  it('filters by year and rejects a bad year', async () => {
    const other = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.json?year=2021' });
    expect(other.json()).toEqual({ items: [] });
    const bad = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.csv?year=abc' });
    expect(bad.statusCode).toBe(400);
  });

  it('serves the same records as CSV with a BOM, quoting, and formulas neutralised', async () => {
    const json = (await testApp.request(null, { method: 'GET', url: '/api/public/indicators.json' })).json<{
      items: Record[];
    }>();
    const readers = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.csv' });
    expect(readers.body.startsWith('\uFEFF评价编号,年度,主管部门,实施单位,项目名称,')).toBe(true);
    const response = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.csv?header=en' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('jixiao-indicators.csv');
    expect(response.body.startsWith('\uFEFFevaluationId,year,department,unit,projectName,')).toBe(true);
    expect(response.body.slice(response.body.indexOf('\r\n'))).toBe(readers.body.slice(readers.body.indexOf('\r\n')));
    const bad = await testApp.request(null, { method: 'GET', url: '/api/public/indicators.csv?header=fr' });
    expect(bad.statusCode).toBe(400);
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(json.items.length + 1);
    const header = csvCells(lines[0] ?? '');
    const indicatorColumn = header.indexOf('indicator');
    const first = csvCells(lines[1] ?? '');
    expect(first[indicatorColumn]).toBe('\'=HYPERLINK("x")，含"引号",逗号');
    expect(first[header.indexOf('score')]).toBe(String(json.items[0]?.score));
    expect(first).toHaveLength(header.length);
  });
});

describe('open data downloads under failure and abuse', () => {
  it('answers 500 without internals, not a cut-off 200, when the database cannot be read', async () => {
    const handle = await createTestDatabase('pglite');
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind });
    await handle.close();
    for (const url of ['/api/public/indicators.csv', '/api/public/indicators.json']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: { code: 'INTERNAL', message: '服务器内部错误', requestId: expect.any(String) },
      });
    }
    await app.close();
  });

  it(`lets one address start ${OPEN_DATA_PER_MINUTE} whole exports of a format a minute, then answers 429`, async () => {
    const testApp = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let index = 0; index <= OPEN_DATA_PER_MINUTE; index++) {
        statuses.push((await testApp.request(null, { method: 'GET', url: '/api/public/indicators.csv' })).statusCode);
      }
      expect(statuses).toEqual([...Array<number>(OPEN_DATA_PER_MINUTE).fill(200), 429]);
      // The other format counts separately; the limit is per route.
      expect((await testApp.request(null, { method: 'GET', url: '/api/public/indicators.json' })).statusCode).toBe(200);
      const elsewhere = await testApp.request(null, {
        method: 'GET',
        url: '/api/public/indicators.csv',
        remoteAddress: '10.0.0.7',
      });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await testApp.close();
    }
  });
});
