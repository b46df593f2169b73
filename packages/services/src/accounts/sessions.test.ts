import { listAuditEntries } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from './create-user.ts';
import { getSession, login, logout, MAX_SESSIONS_PER_USER, SESSION_IDLE_MINUTES } from './sessions.ts';

describe.each(testDatabaseKinds())('accounts and sessions on %s', (kind) => {
  let fixture: ServiceFixture;
  let clock = new Date('2024-03-01T09:00:00Z');
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    fixture.ctx.now = () => clock;
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('logs in with the right password, looks the session up by token and logs out', async () => {
    const signedIn = await login(fixture.ctx, 'filler', TEST_PASSWORD, '192.0.2.1');
    expect(signedIn.actor.roles).toEqual([{ organizationId: fixture.organizations.unit, role: 'unit_filler' }]);
    const session = await getSession(fixture.ctx, signedIn.token);
    expect(session?.actor.username).toBe('filler');
    expect(session?.csrfToken).toBe(signedIn.csrfToken);
    await logout(fixture.ctx, signedIn.token);
    expect(await getSession(fixture.ctx, signedIn.token)).toBeUndefined();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await expect(login(fixture.ctx, 'nobody', TEST_PASSWORD, '192.0.2.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
    await expect(login(fixture.ctx, 'approver', 'wrong-Password-1', '192.0.2.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
  });

  it(`keeps at most ${MAX_SESSIONS_PER_USER} sessions of an account, ending the least recently used`, async () => {
    const devices = [];
    for (let device = 0; device < MAX_SESSIONS_PER_USER; device += 1) {
      devices.push(await login(fixture.ctx, 'department', TEST_PASSWORD, '192.0.2.1'));
      clock = new Date(clock.getTime() + 2 * 60_000);
    }
    // The first device is used again, so the second is now the least recently used.
    const [first, second, third] = devices;
    expect(await getSession(fixture.ctx, first?.token ?? '')).toBeDefined();
    const another = await login(fixture.ctx, 'department', TEST_PASSWORD, '192.0.2.9');
    expect(await getSession(fixture.ctx, second?.token ?? '')).toBeUndefined();
    for (const kept of [first, third, another]) expect(await getSession(fixture.ctx, kept?.token ?? '')).toBeDefined();
    const entries = await listAuditEntries(fixture.ctx.db, { entityId: another.actor.userId, limit: 100 });
    expect(entries.at(-1)).toMatchObject({ action: 'user.login', details: { source: '192.0.2.9', endedSessions: 1 } });
  });

  it('expires sessions', async () => {
    const signedIn = await login(fixture.ctx, 'finance', TEST_PASSWORD, '192.0.2.1');
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    expect(await getSession(fixture.ctx, signedIn.token)).toBeUndefined();
  });

  it('ends a session left idle, and keeps one in use alive past the idle limit', async () => {
    const idle = await login(fixture.ctx, 'finance', TEST_PASSWORD, '192.0.2.1');
    const busy = await login(fixture.ctx, 'finance', TEST_PASSWORD, '192.0.2.1');
    for (let minute = 0; minute < 3 * SESSION_IDLE_MINUTES; minute += SESSION_IDLE_MINUTES / 2) {
      clock = new Date(clock.getTime() + (SESSION_IDLE_MINUTES / 2) * 60_000);
      expect(await getSession(fixture.ctx, busy.token)).toBeDefined();
    }
    expect(await getSession(fixture.ctx, idle.token)).toBeUndefined();
  });

  it('enforces the password policy and unique usernames', async () => {
    const organizationId = fixture.organizations.unit;
    await expect(
      createUser(fixture.ctx, null, {
        username: 'weak',
        displayName: '弱',
        password: 'short',
        roles: [{ organizationId, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      createUser(fixture.ctx, null, {
        username: 'filler',
        displayName: '重复',
        password: TEST_PASSWORD,
        roles: [{ organizationId, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets an admin grant roles only inside its subtree, and refuses roles on the wrong kind of organisation', async () => {
    const departmentAdmin = await createUser(fixture.ctx, null, {
      username: 'dept.admin',
      displayName: '部门管理员',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.department, role: 'admin' }],
    });
    const actor = { userId: departmentAdmin.id, username: 'dept.admin', displayName: '', roles: departmentAdmin.roles };
    await expect(
      createUser(fixture.ctx, actor, {
        username: 'edu.filler',
        displayName: '',
        password: TEST_PASSWORD,
        roles: [{ organizationId: fixture.organizations.otherUnit, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createUser(fixture.ctx, actor, {
        username: 'unit.reviewer',
        displayName: '',
        password: TEST_PASSWORD,
        roles: [{ organizationId: fixture.organizations.unit, role: 'finance_reviewer' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const created = await createUser(fixture.ctx, actor, {
      username: 'unit.filler2',
      displayName: '',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.unit, role: 'unit_filler' }],
    });
    expect(created.username).toBe('unit.filler2');
  });
});
