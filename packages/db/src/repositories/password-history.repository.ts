import type { Db } from '../connect.ts';

/** Appends a password hash to the user's history; call with the user's row locked (see lockUserById). */
export const appendPasswordHistory = async (
  db: Db,
  userId: string,
  passwordHash: string,
  createdAt: Date,
): Promise<number> => {
  const last = await db
    .selectFrom('password_history')
    .select('seq')
    .where('user_id', '=', userId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  await db
    .insertInto('password_history')
    .values({ user_id: userId, seq, password_hash: passwordHash, created_at: createdAt })
    .execute();
  return seq;
};

/** The hashes of the user's newest `count` passwords, newest first. */
export const listRecentPasswordHashes = async (db: Db, userId: string, count: number): Promise<string[]> =>
  (
    await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('seq', 'desc')
      .limit(count)
      .execute()
  ).map((row) => row.password_hash);

/** Forgets all but the newest `keep` entries: an old hash kept for nothing is one more to crack. */
export const prunePasswordHistory = async (db: Db, userId: string, newestSeq: number, keep: number): Promise<void> => {
  await db
    .deleteFrom('password_history')
    .where('user_id', '=', userId)
    .where('seq', '<=', newestSeq - keep)
    .execute();
};
