import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import type { Session, User } from '../schema.ts';
import type { UserRole } from './users.repository.ts';

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
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.disabled',
      'u.must_change_password',
      'u.password_changed_at',
    ])
    .select(
      sql<UserRole[]>`coalesce((
        SELECT json_agg(json_build_object('organizationId', r.organization_id, 'role', r.role)
                        ORDER BY r.organization_id, r.role)
        FROM user_roles r WHERE r.user_id = u.id), '[]'::json)`.as('roles'),
    )
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
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
