import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from './create-user.ts';
import { getSession, LOCKOUT_MINUTES, login, logout, MAX_FAILED_LOGINS, SESSION_IDLE_MINUTES } from './sessions.ts';

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
    const signedIn = await login(fixture.ctx, 'filler', TEST_PASSWORD);
    expect(signedIn.actor.roles).toEqual([{ organizationId: fixture.organizations.unit, role: 'unit_filler' }]);
    const session = await getSession(fixture.ctx, signedIn.token);
    expect(session?.actor.username).toBe('filler');
    expect(session?.csrfToken).toBe(signedIn.csrfToken);
    await logout(fixture.ctx, signedIn.token);
    expect(await getSession(fixture.ctx, signedIn.token)).toBeUndefined();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await expect(login(fixture.ctx, 'nobody', TEST_PASSWORD)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
    await expect(login(fixture.ctx, 'approver', 'wrong-Password-1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures for ${LOCKOUT_MINUTES} minutes, even for the right password`, async () => {
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt += 1) {
      await expect(login(fixture.ctx, 'department', 'wrong-Password-1')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    await expect(login(fixture.ctx, 'department', 'wrong-Password-1')).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    await expect(login(fixture.ctx, 'department', TEST_PASSWORD)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    clock = new Date(clock.getTime() + (LOCKOUT_MINUTES + 1) * 60_000);
    expect((await login(fixture.ctx, 'department', TEST_PASSWORD)).actor.username).toBe('department');
  });

  it('expires sessions', async () => {
    const signedIn = await login(fixture.ctx, 'finance', TEST_PASSWORD);
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    expect(await getSession(fixture.ctx, signedIn.token)).toBeUndefined();
  });

  it('ends a session left idle, and keeps one in use alive past the idle limit', async () => {
    const idle = await login(fixture.ctx, 'finance', TEST_PASSWORD);
    const busy = await login(fixture.ctx, 'finance', TEST_PASSWORD);
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
