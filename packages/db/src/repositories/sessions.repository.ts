import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { Database, Session, User } from '../schema.ts';
import type { UserRole } from './users.repository.ts';

export const insertSession = async (db: Db, session: Session): Promise<void> => {
  await db.insertInto('sessions').values(session).execute();
};

/** The session `id` if it has neither expired nor been idle since `idleSince` at `now`. */
const liveSession = (id: string, now: Date, idleSince: Date) => (eb: ExpressionBuilder<Database, 'sessions'>) =>
  eb.and([
    eb('sessions.id', '=', id),
    eb('sessions.expires_at', '>', now),
    eb('sessions.last_seen_at', '>', idleSince),
  ]);

/** A session that has neither expired nor been idle since `idleSince` at `now`. */
export const findLiveSession = async (db: Db, id: string, now: Date, idleSince: Date): Promise<Session | undefined> =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where(liveSession(id, now, idleSince))
    .executeTakeFirst();

export type LiveSessionAccount = {
  session: Pick<Session, 'id' | 'csrf_token' | 'expires_at' | 'last_seen_at'>;
  user: Pick<User, 'id' | 'username' | 'display_name' | 'disabled' | 'must_change_password' | 'password_changed_at'>;
  roles: UserRole[];
};

/**
 * A live session (as `findLiveSession`) with its user and the user's roles, in one round trip: every signed-in
 * request reads them, and three statements each paid a round trip of their own.
 */
export const findLiveSessionAccount = async (
  db: Db,
  id: string,
  now: Date,
  idleSince: Date,
): Promise<LiveSessionAccount | undefined> => {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.disabled',
      'users.must_change_password',
      'users.password_changed_at',
    ])
    .select(
      sql<UserRole[]>`coalesce((
        SELECT json_agg(json_build_object('organizationId', r.organization_id, 'role', r.role)
                        ORDER BY r.organization_id, r.role)
        FROM user_roles r WHERE r.user_id = users.id), '[]'::json)`.as('roles'),
    )
    .where(liveSession(id, now, idleSince))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.session_id,
      csrf_token: row.csrf_token,
      expires_at: row.expires_at,
      last_seen_at: row.last_seen_at,
    },
    user: {
      id: row.user_id,
      username: row.username,
      display_name: row.display_name,
      disabled: row.disabled,
      must_change_password: row.must_change_password,
      password_changed_at: row.password_changed_at,
    },
    roles: row.roles,
  };
};

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
