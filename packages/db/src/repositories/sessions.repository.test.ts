import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../connect.ts';
import { insertOrganization } from './organizations.repository.ts';
import { findLiveSessionAccount, insertSession } from './sessions.repository.ts';
import { grantRole, insertUser, listUserRoles } from './users.repository.ts';

describe.each(testDatabaseKinds())('a live session with its account on %s', (kind) => {
  let handle: DatabaseHandle;
  const now = new Date('2026-03-01T08:00:00.000Z');
  const idleSince = new Date('2026-03-01T07:30:00.000Z');
  const ids = { bureau: randomUUID(), unit: randomUUID(), filler: randomUUID(), nobody: randomUUID() };

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const { db } = handle;
    await insertOrganization(db, {
      id: ids.bureau,
      parent_id: null,
      kind: 'finance_bureau',
      name: '财政局',
      created_at: now,
    });
    await insertOrganization(db, {
      id: ids.unit,
      parent_id: ids.bureau,
      kind: 'budget_unit',
      name: '单位',
      created_at: now,
    });
    for (const [id, username] of [
      [ids.filler, 'filler'],
      [ids.nobody, 'nobody'],
    ] as const) {
      await insertUser(db, {
        id,
        username,
        display_name: `用户${username}`,
        password_hash: 'x',
        password_changed_at: now,
        created_at: now,
      });
    }
    await grantRole(db, ids.filler, ids.unit, 'unit_filler');
    await grantRole(db, ids.filler, ids.bureau, 'finance_reviewer');
    await grantRole(db, ids.filler, ids.unit, 'unit_approver');
    const session = (id: string, userId: string, lastSeen: Date, expires: Date) =>
      insertSession(db, {
        id,
        user_id: userId,
        csrf_token: `csrf-${id}`,
        created_at: now,
        last_seen_at: lastSeen,
        expires_at: expires,
      });
    const later = new Date('2026-03-01T20:00:00.000Z');
    await session('live', ids.filler, new Date('2026-03-01T07:59:00.000Z'), later);
    await session('no-roles', ids.nobody, now, later);
    await session('idle', ids.filler, new Date('2026-03-01T07:29:59.000Z'), later);
    await session('expired', ids.filler, now, now);
  });
  afterAll(async () => {
    await handle.close();
  });

  it('answers the session, its user and every role in the order listUserRoles gives them', async () => {
    const found = await findLiveSessionAccount(handle.db, 'live', now, idleSince);
    expect(found?.session).toEqual({
      id: 'live',
      csrf_token: 'csrf-live',
      expires_at: new Date('2026-03-01T20:00:00.000Z'),
      last_seen_at: new Date('2026-03-01T07:59:00.000Z'),
    });
    expect(found?.user).toEqual({
      id: ids.filler,
      username: 'filler',
      display_name: '用户filler',
      disabled: false,
      must_change_password: false,
      password_changed_at: now,
    });
    expect(found?.roles).toHaveLength(3);
    expect(found?.roles).toEqual(await listUserRoles(handle.db, ids.filler));
  });

  it('answers no roles as an empty list', async () => {
    expect((await findLiveSessionAccount(handle.db, 'no-roles', now, idleSince))?.roles).toEqual([]);
  });

  it.each(['idle', 'expired', 'unknown'])('answers nothing for a session that is %s', async (id) => {
    expect(await findLiveSessionAccount(handle.db, id, now, idleSince)).toBeUndefined();
  });
});
