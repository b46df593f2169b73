import { type DatabaseHandle, sql } from '@jixiao/db';
import { createTestDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublished } from '../../testing/published-rows.ts';
import { createServiceContext, type ServiceContext } from '../context.ts';
import {
  OPEN_DATA_PAGE,
  openPublishedIndicators,
  type PublishedIndicatorRecord,
  publishedIndicatorsCsv,
  publishedIndicatorsJson,
} from './export-published-indicators.ts';
import { getPublishedEvaluation } from './get-published-evaluation.ts';
import { listPublishedEvaluations } from './list-published-evaluations.ts';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/** The evaluations in the order their records came, each once. */
const evaluationOrder = (records: readonly PublishedIndicatorRecord[]): string[] =>
  records.map((record) => record.evaluationId).filter((id, index, ids) => ids[index - 1] !== id);

/** The public list's order, paged the way the portal pages it (offset paging, a different query). */
const listedOrder = async (ctx: ServiceContext, year?: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listPublishedEvaluations(ctx, { page, pageSize: 100, year });
    ids.push(...items.map((item) => item.id));
    if (ids.length >= total) return ids;
  }
};

describe.each(testDatabaseKinds())('open data export on %s', (kind) => {
  // Several pages a year, and names shared by many evaluations: the cursor must step over ties by id.
  const TOTAL = OPEN_DATA_PAGE * 5 + 37;
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let withdrawn: string;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    ctx = createServiceContext(handle.db);
    const ids = await loadPublished(handle.db, TOTAL, { projectNames: 7 });
    withdrawn = ids[3] ?? '';
    await sql`UPDATE evaluations SET status = 'approved' WHERE id = ${withdrawn}`.execute(handle.db);
    await sql`UPDATE publications SET unpublished_at = now() WHERE evaluation_id = ${withdrawn}`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('gives every indicator of every published evaluation once, in the public list’s order', async () => {
    const pages = await collect(await openPublishedIndicators(ctx));
    expect(pages.length).toBeGreaterThan(5);
    const records = pages.flat();
    const order = evaluationOrder(records);
    expect(order).toEqual(await listedOrder(ctx));
    expect(order).toHaveLength(TOTAL - 1);
    expect(order).not.toContain(withdrawn);
    const sample = order[OPEN_DATA_PAGE + 1] ?? '';
    const published = await getPublishedEvaluation(ctx, sample);
    expect(records.filter((record) => record.evaluationId === sample).map((record) => record.score)).toEqual(
      published.indicators.map((indicator) => indicator.score),
    );
  });

  it('gives one year only when asked, and nothing for a year without publications', async () => {
    const records = (await collect(await openPublishedIndicators(ctx, { year: 2022 }))).flat();
    expect(new Set(records.map((record) => record.year))).toEqual(new Set([2022]));
    expect(evaluationOrder(records)).toEqual(await listedOrder(ctx, 2022));
    expect(await collect(await openPublishedIndicators(ctx, { year: 1999 }))).toEqual([]);
  });

  it('writes the same records as CSV lines and as a JSON document', async () => {
    const records = (await collect(await openPublishedIndicators(ctx, { year: 2021 }))).flat();
    const json = JSON.parse(
      (await collect(publishedIndicatorsJson(await openPublishedIndicators(ctx, { year: 2021 })))).join(''),
    );
    expect(json).toEqual({ items: records });
    const csvWith = async (header?: 'zh' | 'en' | 'both') =>
      (await collect(publishedIndicatorsCsv(await openPublishedIndicators(ctx, { year: 2021 }), header))).join('');
    // Readers get Chinese column names; programs may ask for the field names, or both rows.
    const csv = await csvWith();
    expect(csv.startsWith('\uFEFF评价编号,年度,主管部门,实施单位,项目名称,一级指标,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toHaveLength(records.length + 2);
    const programs = await csvWith('en');
    expect(programs.startsWith('\uFEFFevaluationId,year,')).toBe(true);
    expect(programs.slice(programs.indexOf('\r\n'))).toBe(csv.slice(csv.indexOf('\r\n')));
    const both = (await csvWith('both')).slice(1).split('\r\n');
    expect(both.slice(0, 2).map((line) => line.split(',')[0])).toEqual(['评价编号', 'evaluationId']);
    expect(both).toHaveLength(records.length + 3);
  });
});
