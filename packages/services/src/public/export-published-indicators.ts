import {
  AppError,
  csvCell,
  type OpenDataCsvHeader,
  openDataCsvHeaderRows,
  PUBLISHED_INDICATOR_FIELDS,
  type PublishedIndicatorRecord,
} from '@jixiao/core';
import {
  listPublishedPagesOfYear,
  listPublishedYears,
  type PublishedPageCursor,
  type PublishedPageRow,
} from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { getPublishedEvaluationJson } from './get-published-evaluation.ts';
import type { PublishedEvaluation } from './published-view.ts';

export type { PublishedIndicatorRecord } from '@jixiao/core';
export { PUBLISHED_INDICATOR_FIELDS } from '@jixiao/core';

/** Evaluations read at a time: one page of records is all an export holds, however many are published. */
export const OPEN_DATA_PAGE = 200;

const recordsOf = (row: PublishedPageRow, published: PublishedEvaluation): PublishedIndicatorRecord[] =>
  published.indicators.map((indicator) => ({
    evaluationId: row.id,
    year: row.fiscal_year,
    department: row.department_name ?? '',
    unit: row.organization_name,
    projectName: published.projectName,
    level1: indicator.level1,
    level2: indicator.level2,
    indicator: indicator.name,
    target: indicator.target,
    actual: indicator.actual,
    weight: indicator.weight,
    statedScore: indicator.statedScore,
    score: indicator.score,
    rule: indicator.rule,
    explanation: indicator.explanation,
    totalScore: published.totalScore,
    grade: published.grade,
    ruleSet: published.ruleSet,
    publishedAt: published.publishedAt,
  }));

/** A page stored at publishing, or built for a publication older than stored pages; null once unpublished. */
const publishedPageOf = async (ctx: ServiceContext, row: PublishedPageRow): Promise<PublishedEvaluation | null> => {
  if (row.public_view !== null) return JSON.parse(row.public_view) as PublishedEvaluation;
  try {
    return JSON.parse(await getPublishedEvaluationJson(ctx, row.id)) as PublishedEvaluation;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
};

async function* publishedIndicatorPages(
  ctx: ServiceContext,
  years: readonly number[],
): AsyncGenerator<PublishedIndicatorRecord[]> {
  for (const fiscalYear of years) {
    let after: PublishedPageCursor | null = null;
    for (;;) {
      const cursor: PublishedPageCursor | null = after;
      const rows: PublishedPageRow[] = await readMayBeStale(ctx, (db) =>
        listPublishedPagesOfYear(db, { fiscalYear, after: cursor, limit: OPEN_DATA_PAGE }),
      );
      const records: PublishedIndicatorRecord[] = [];
      for (const row of rows) {
        const published = await publishedPageOf(ctx, row);
        if (published) records.push(...recordsOf(row, published));
      }
      if (records.length > 0) yield records;
      const last = rows.at(-1);
      if (!last || rows.length < OPEN_DATA_PAGE) break;
      after = { projectName: last.project_name, id: last.id };
    }
  }
}

/**
 * Every indicator of every published evaluation (optionally of one year), in the public list's order (newest
 * year first, then project name), as pages of records to stream: memory holds one page whatever the total.
 * The first page is read before this resolves, so a database that cannot be read fails the request instead of
 * cutting a download short. Each page is read where stale reads go (the replica when there is one); a
 * publication made while a long export runs may or may not be in it, as with paging through the public list.
 * Anonymous; what is not published is never included.
 */
export const openPublishedIndicators = async (
  ctx: ServiceContext,
  input: { year?: number | undefined } = {},
): Promise<AsyncIterable<PublishedIndicatorRecord[]>> => {
  const years = input.year === undefined ? await readMayBeStale(ctx, listPublishedYears) : [input.year];
  const pages = publishedIndicatorPages(ctx, years);
  const first = await pages.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* pages;
  })();
};

/**
 * RFC 4180 CSV (CRLF line ends) with a UTF-8 byte-order mark, so that Excel opens the Chinese text correctly;
 * one chunk per page of records. The header row is in Chinese for readers by default, the field names (as in the
 * JSON) for programs, or both rows.
 */
export async function* publishedIndicatorsCsv(
  pages: AsyncIterable<readonly PublishedIndicatorRecord[]>,
  header: OpenDataCsvHeader = 'zh',
): AsyncGenerator<string> {
  yield `\uFEFF${openDataCsvHeaderRows(header)
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('')}`;
  for await (const records of pages) {
    yield records
      .map((record) => `${PUBLISHED_INDICATOR_FIELDS.map((field) => csvCell(record[field])).join(',')}\r\n`)
      .join('');
  }
}

/** `{"items":[…]}`, one chunk per page of records. */
export async function* publishedIndicatorsJson(
  pages: AsyncIterable<readonly PublishedIndicatorRecord[]>,
): AsyncGenerator<string> {
  yield '{"items":[';
  let separator = '';
  for await (const records of pages) {
    yield separator + records.map((record) => JSON.stringify(record)).join(',');
    separator = ',';
  }
  yield ']}';
}
