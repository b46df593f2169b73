import type { Db } from '../connect.ts';
import type { Session } from '../schema.ts';

export const insertSession = async (db: Db, session: Session): Promise<void> => {
  await db.insertInto('sessions').values(session).execute();
};

/** A session that has not expired at `now`. */
export const findLiveSession = async (db: Db, id: string, now: Date): Promise<Session | undefined> =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();

export const deleteSession = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
};

export const deleteExpiredSessions = async (db: Db, now: Date): Promise<number> => {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
};
