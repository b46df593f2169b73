import type { Insertable } from 'kysely';
import type { Db } from '../connect.ts';
import type { Role, User, UsersTable } from '../schema.ts';

export type UserRole = { organizationId: string; role: Role };

export const insertUser = async (db: Db, values: Insertable<UsersTable>): Promise<User> =>
  db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();

export const findUserByUsername = async (db: Db, username: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = async (db: Db, id: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** The user's row, locked until the caller's transaction ends, so two changes to one account take turns. */
export const lockUserById = async (db: Db, id: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export type PasswordChange = { passwordHash: string; changedAt: Date; mustChange: boolean };

export const updateUserPassword = async (db: Db, userId: string, change: PasswordChange): Promise<void> => {
  await db
    .updateTable('users')
    .set({
      password_hash: change.passwordHash,
      password_changed_at: change.changedAt,
      must_change_password: change.mustChange,
    })
    .where('id', '=', userId)
    .execute();
};

/** Disables the account from `disabledAt`, or enables it again with null. */
export const setUserDisabled = async (db: Db, userId: string, disabledAt: Date | null): Promise<void> => {
  await db
    .updateTable('users')
    .set({ disabled: disabledAt !== null, disabled_at: disabledAt })
    .where('id', '=', userId)
    .execute();
};

export const listUsers = async (db: Db): Promise<User[]> =>
  db.selectFrom('users').selectAll().orderBy('username').execute();

export const grantRole = async (db: Db, userId: string, organizationId: string, role: Role): Promise<void> => {
  await db
    .insertInto('user_roles')
    .values({ user_id: userId, organization_id: organizationId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
};

export const listUserRoles = async (db: Db, userId: string): Promise<UserRole[]> =>
  (
    await db
      .selectFrom('user_roles')
      .select(['organization_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('organization_id')
      .orderBy('role')
      .execute()
  ).map((row) => ({ organizationId: row.organization_id, role: row.role }));

export type UserWithRoles = Pick<
  User,
  | 'id'
  | 'username'
  | 'display_name'
  | 'disabled'
  | 'disabled_at'
  | 'password_changed_at'
  | 'must_change_password'
  | 'created_at'
  | 'last_login_at'
> & {
  roles: UserRole[];
};

/** Users holding any role on one of the given organisations, with all their roles. */
export const listUsersWithRolesIn = async (db: Db, organizationIds: readonly string[]): Promise<UserWithRoles[]> => {
  if (organizationIds.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'disabled',
      'disabled_at',
      'password_changed_at',
      'must_change_password',
      'created_at',
      'last_login_at',
    ])
    .where('id', 'in', db.selectFrom('user_roles').select('user_id').where('organization_id', 'in', organizationIds))
    .orderBy('username')
    .execute();
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'organization_id', 'role'])
    .where(
      'user_id',
      'in',
      users.map((user) => user.id),
    )
    .orderBy('organization_id')
    .orderBy('role')
    .execute();
  return users.map((user) => ({
    ...user,
    roles: roles
      .filter((row) => row.user_id === user.id)
      .map((row) => ({ organizationId: row.organization_id, role: row.role })),
  }));
};

/** Display names of the given users, for histories that say who acted; unknown ids are left out. */
export const listDisplayNames = async (db: Db, ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
};

export const recordLastLogin = async (db: Db, userId: string, at: Date): Promise<void> => {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
};

/** Every role of the user, replaced by `roles` (in the caller's transaction). */
export const replaceUserRoles = async (
  db: Db,
  userId: string,
  roles: readonly { organizationId: string; role: Role }[],
): Promise<void> => {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(roles.map((grant) => ({ user_id: userId, organization_id: grant.organizationId, role: grant.role })))
    .execute();
};
