import type { Db } from '../connect.ts';
import type { Session } from '../schema.ts';

export const insertSession = async (db: Db, session: Session): Promise<void> => {
  await db.insertInto('sessions').values(session).execute();
};

/** A session that has neither expired nor been idle since `idleSince` at `now`. */
export const findLiveSession = async (db: Db, id: string, now: Date, idleSince: Date): Promise<Session | undefined> =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .executeTakeFirst();

export const touchSession = async (db: Db, id: string, now: Date): Promise<void> => {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
};

export const deleteSession = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
};

export const deleteExpiredSessions = async (db: Db, now: Date): Promise<number> => {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** Ends every session of a user, or every one but `exceptId` (the session the user is acting in). */
export const deleteSessionsOfUser = async (db: Db, userId: string, exceptId: string | null = null): Promise<number> => {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
};

/**
 * Ends the sessions of a user but `currentId` and the `others` most recently used of the rest; how many it
 * ended.
 */
export const deleteSessionsBeyond = async (
  db: Db,
  userId: string,
  currentId: string,
  others: number,
): Promise<number> => {
  const kept = db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', currentId)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(others);
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', currentId)
    .where('id', 'not in', kept)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
};
