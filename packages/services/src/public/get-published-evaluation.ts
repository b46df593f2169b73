import { AppError } from '@jixiao/core';
import { type Db, findActivePublication, findEvaluationById, findPublishedView, findRevision } from '@jixiao/db';
import type { ServiceContext } from '../context.ts';
import { readMayBeStale } from '../replica/replica-reads.ts';
import { currentNamesOf } from './current-names.ts';
import { publishedCache } from './published-cache.ts';
import {
  type PublishedEvaluation,
  presentPublishedView,
  publishedViewOf,
  type RegisteredNames,
} from './published-view.ts';

export type { PublishedEvaluation } from './published-view.ts';

/** What the public is told of an evaluation that does not exist or is not published now (they look alike). */
export const NOT_PUBLISHED = '该自评不存在或未公开';

const loadPublished = async (db: Db, evaluationId: string) => {
  const evaluation = await findEvaluationById(db, evaluationId);
  if (evaluation?.status !== 'published') throw new AppError('NOT_FOUND', NOT_PUBLISHED);
  const publication = await findActivePublication(db, evaluation.id);
  const revision = publication ? await findRevision(db, publication.revision_id) : undefined;
  if (!publication || !revision) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
  return { evaluation, publication, revision };
};

/** A publication from before its page was stored with it (migration 0007): built from the revision. */
const buildPublished = async (db: Db, evaluationId: string, names: RegisteredNames): Promise<PublishedEvaluation> => {
  const { evaluation, publication, revision } = await loadPublished(db, evaluationId);
  return publishedViewOf(evaluation, revision, names, publication.published_at);
};

const cached = publishedCache<string>();

/**
 * The portal's JSON for a published evaluation: the page stored when it was published (one lookup), with the
 * unit and 主管部门 as the organisation tree names them now, so the page says what the list says.
 * NOT_FOUND when it does not exist or is not published now.
 */
export const getPublishedEvaluationJson = (ctx: ServiceContext, evaluationId: string): Promise<string> =>
  cached(ctx, evaluationId, () =>
    readMayBeStale(ctx, async (db) => {
      const stored = await findPublishedView(db, evaluationId);
      if (!stored) throw new AppError('NOT_FOUND', NOT_PUBLISHED);
      const names = await currentNamesOf(ctx, db, stored.organization_id);
      return JSON.stringify(
        stored.public_view === null
          ? await buildPublished(db, evaluationId, names)
          : presentPublishedView(JSON.parse(stored.public_view), names),
      );
    }),
  );

export const getPublishedEvaluation = async (ctx: ServiceContext, evaluationId: string): Promise<PublishedEvaluation> =>
  JSON.parse(await getPublishedEvaluationJson(ctx, evaluationId)) as PublishedEvaluation;
