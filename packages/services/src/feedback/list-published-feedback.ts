import type { PublishedFeedback } from '@jixiao/core';
import { listPublishedFeedback } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { getPublishedEvaluationJson } from '../public/get-published-evaluation.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';

export type { PublishedFeedback } from '@jixiao/core';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** The published feedback on a published evaluation, oldest first; NOT_FOUND when it is not published now. */
export const listPublishedFeedbackOf = async (
  ctx: ServiceContext,
  evaluationId: string,
): Promise<PublishedFeedback[]> => {
  // The same not-found answer as the report itself (and the same cached lookup).
  await getPublishedEvaluationJson(ctx, evaluationId);
  const rows = await readMayBeStale(ctx, (db) => listPublishedFeedback(db, evaluationId));
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    reply: row.reply,
    createdAt: iso(row.created_at),
    repliedAt: row.moderated_at ? iso(row.moderated_at) : null,
  }));
};
