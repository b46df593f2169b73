import { listPublishedEvaluations as listPublishedRows } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { getPublishedEvaluation } from './get-published-evaluation.ts';

/** One published indicator, flat: the open-data record (same fields and order in JSON and CSV). */
export type PublishedIndicatorRecord = {
  evaluationId: string;
  year: number;
  department: string;
  unit: string;
  projectName: string;
  level1: string;
  level2: string;
  indicator: string;
  target: string;
  actual: string;
  weight: number | null;
  statedScore: number | null;
  score: number;
  rule: string;
  explanation: string;
  totalScore: number;
  grade: string;
  ruleSet: string;
  publishedAt: string;
};

export const PUBLISHED_INDICATOR_FIELDS = [
  'evaluationId',
  'year',
  'department',
  'unit',
  'projectName',
  'level1',
  'level2',
  'indicator',
  'target',
  'actual',
  'weight',
  'statedScore',
  'score',
  'rule',
  'explanation',
  'totalScore',
  'grade',
  'ruleSet',
  'publishedAt',
] as const satisfies readonly (keyof PublishedIndicatorRecord)[];

const PAGE = 100;

/**
 * Every indicator of every published evaluation (optionally of one year), ordered as the public list is:
 * newest year first, then project name. Anonymous; what is not published is never included.
 */
export const exportPublishedIndicators = async (
  ctx: ServiceContext,
  input: { year?: number | undefined } = {},
): Promise<PublishedIndicatorRecord[]> => {
  const records: PublishedIndicatorRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await readMayBeStale(ctx, (db) =>
      listPublishedRows(db, { fiscalYear: input.year, limit: PAGE, offset }),
    );
    for (const row of items) {
      const published = await getPublishedEvaluation(ctx, row.id);
      for (const indicator of published.indicators) {
        records.push({
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
        });
      }
    }
    if (items.length < PAGE) return records;
  }
};

// A cell a spreadsheet would run as a formula (=, +, -, @ first, or a leading tab / carriage return) is
// prefixed with an apostrophe; numbers are written as numbers so a negative value stays a value.
const FORMULA_START = /^[=+\-@\t\r]/u;

const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * RFC 4180 CSV (CRLF line ends) with a UTF-8 byte-order mark, so that Excel opens the Chinese text correctly.
 */
export const publishedIndicatorsCsv = (records: readonly PublishedIndicatorRecord[]): string => {
  const lines = [PUBLISHED_INDICATOR_FIELDS.join(',')];
  for (const record of records) lines.push(PUBLISHED_INDICATOR_FIELDS.map((field) => csvCell(record[field])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};
