import { sql } from 'kysely';
import type { Db } from '../connect.ts';

/** Until when a sign-in of `username` from `source` is refused: the later of the pair's and the source's block. */
export const findLoginBlock = async (
  db: Db,
  source: string,
  username: string,
  now: Date,
  sourceBudget: { failures: number; windowStartedAfter: Date; windowMs: number },
): Promise<Date | null> => {
  const pair = await db
    .selectFrom('login_failures')
    .select('blocked_until')
    .where('source', '=', source)
    .where('username', '=', username)
    .where('blocked_until', '>', now)
    .executeTakeFirst();
  const spent = await db
    .selectFrom('login_source_failures')
    .select('window_started_at')
    .where('source', '=', source)
    .where('failures', '>=', sourceBudget.failures)
    .where('window_started_at', '>', sourceBudget.windowStartedAfter)
    .executeTakeFirst();
  const until = [
    pair?.blocked_until,
    spent ? new Date(spent.window_started_at.getTime() + sourceBudget.windowMs) : undefined,
  ].filter((date): date is Date => date instanceof Date && date > now);
  return until.length === 0 ? null : new Date(Math.max(...until.map((date) => date.getTime())));
};

/**
 * Counts one failure of the pair (starting again when its last failure is older than `forgetBefore`); the
 * caller sets the block the new count deserves.
 */
export const countPairFailure = async (
  db: Db,
  source: string,
  username: string,
  now: Date,
  forgetBefore: Date,
): Promise<number> => {
  const row = await db
    .insertInto('login_failures')
    .values({ source, username, failures: 1, last_failure_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc.columns(['source', 'username']).doUpdateSet({
        failures: sql<number>`CASE WHEN login_failures.last_failure_at <= ${forgetBefore} THEN 1
          ELSE login_failures.failures + 1 END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
};

export const blockPair = async (db: Db, source: string, username: string, until: Date): Promise<void> => {
  await db
    .updateTable('login_failures')
    .set({ blocked_until: until })
    .where('source', '=', source)
    .where('username', '=', username)
    .execute();
};

/** Counts one failure of the source in its window (a new window once the last one started before `windowStartedAfter`). */
export const countSourceFailure = async (
  db: Db,
  source: string,
  now: Date,
  windowStartedAfter: Date,
): Promise<{ failures: number; windowStartedAt: Date }> => {
  const expired = sql<boolean>`login_source_failures.window_started_at <= ${windowStartedAfter}`;
  const row = await db
    .insertInto('login_source_failures')
    .values({ source, window_started_at: now, failures: 1 })
    .onConflict((oc) =>
      oc.column('source').doUpdateSet({
        window_started_at: sql<Date>`CASE WHEN ${expired} THEN ${now} ELSE login_source_failures.window_started_at END`,
        failures: sql<number>`CASE WHEN ${expired} THEN 1 ELSE login_source_failures.failures + 1 END`,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, windowStartedAt: row.window_started_at };
};

/** A successful sign-in forgets the pair's failures (not the source's: its budget spans every name). */
export const clearPairFailures = async (db: Db, source: string, username: string): Promise<void> => {
  await db.deleteFrom('login_failures').where('source', '=', source).where('username', '=', username).execute();
};

/** Forgets failures older than `before`, so sprayed names do not accumulate. */
export const deleteStaleLoginFailures = async (db: Db, before: Date): Promise<void> => {
  await db.deleteFrom('login_failures').where('last_failure_at', '<=', before).execute();
  await db.deleteFrom('login_source_failures').where('window_started_at', '<=', before).execute();
};
