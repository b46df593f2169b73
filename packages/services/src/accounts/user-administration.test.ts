import { listAuditEntries, setUserDisabled, verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import type { Actor } from '../context.ts';
import { changePassword } from './change-password.ts';
import { createUser } from './create-user.ts';
import { disableUser } from './disable-user.ts';
import { enableUser } from './enable-user.ts';
import { listUsers } from './list-users.ts';
import { passwordProblem } from './password.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { revokeUserSessions } from './revoke-user-sessions.ts';
import { getSession, login } from './sessions.ts';

describe.each(testDatabaseKinds())('an admin disabling, enabling, resetting and signing out accounts on %s', (kind) => {
  let fixture: ServiceFixture;
  let admin: Actor;
  let serial = 0;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    admin = fixture.actors.admin;
  });
  afterAll(async () => {
    await fixture.close();
  });

  const newAccount = async (organizationId = fixture.organizations.unit) => {
    serial += 1;
    const created = await createUser(fixture.ctx, null, {
      username: `managed${serial}`,
      displayName: `受管用户${serial}`,
      password: TEST_PASSWORD,
      roles: [{ organizationId, role: 'unit_filler' }],
    });
    return { username: created.username, userId: created.id };
  };

  const actionsOf = async (userId: string) =>
    (await listAuditEntries(fixture.ctx.db, { entityId: userId, limit: 100 })).map((entry) => entry.action);

  it('disables an account: its live sessions end at once, it cannot sign in; enabling lets it back', async () => {
    const { username, userId } = await newAccount();
    const first = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    const second = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    expect(await disableUser(fixture.ctx, admin, userId)).toEqual({ userId, disabled: true, revokedSessions: 2 });
    expect(await getSession(fixture.ctx, first.token)).toBeUndefined();
    expect(await getSession(fixture.ctx, second.token)).toBeUndefined();
    // Its owner (who knows the password) is told it is stopped; anyone else gets the usual answer.
    await expect(login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: '该账户已停用，请联系系统管理员',
    });
    await expect(login(fixture.ctx, username, 'Wrong-password-123', '192.0.2.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
    expect(await disableUser(fixture.ctx, admin, userId)).toMatchObject({ revokedSessions: 0 });
    const listed = (await listUsers(fixture.ctx, admin)).find((user) => user.id === userId);
    expect(listed).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
    expect(await enableUser(fixture.ctx, admin, userId)).toEqual({ userId, disabled: false });
    expect((await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).actor.username).toBe(username);
    expect(await actionsOf(userId)).toEqual([
      'user.create',
      'user.login',
      'user.login',
      'user.disable',
      'user.enable',
      'user.login',
    ]);
  });

  it('does not make a budget unit’s account a 系统管理员', async () => {
    await expect(
      createUser(fixture.ctx, admin, {
        username: 'unit.admin',
        displayName: '单位管理员',
        password: TEST_PASSWORD,
        roles: [{ organizationId: fixture.organizations.unit, role: 'admin' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('系统管理员') });
  });

  it('refuses a session of a disabled account even when its row survives', async () => {
    const { username, userId } = await newAccount();
    const signedIn = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    await setUserDisabled(fixture.ctx.db, userId, fixture.ctx.now());
    expect(await getSession(fixture.ctx, signedIn.token)).toBeUndefined();
  });

  it('resets a password: a generated temporary one that must be changed, sessions ended', async () => {
    const { username, userId } = await newAccount();
    const before = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    const reset = await resetUserPassword(fixture.ctx, admin, userId);
    expect(reset).toMatchObject({ userId, username, revokedSessions: 1 });
    expect(passwordProblem(reset.temporaryPassword, username)).toBeNull();
    expect(await getSession(fixture.ctx, before.token)).toBeUndefined();
    await expect(login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const signedIn = await login(fixture.ctx, username, reset.temporaryPassword, '192.0.2.1');
    expect(signedIn.passwordChange).toBe('must_change');
    // The temporary password is in the history too: it cannot be kept as the new one.
    await expect(
      changePassword(fixture.ctx, signedIn.actor, {
        currentPassword: reset.temporaryPassword,
        newPassword: reset.temporaryPassword,
        sessionToken: signedIn.token,
      }),
    ).rejects.toMatchObject({ message: /最近 5 次/ });
    await changePassword(fixture.ctx, signedIn.actor, {
      currentPassword: reset.temporaryPassword,
      newPassword: 'Chosen-again-2025',
      sessionToken: signedIn.token,
    });
    expect((await getSession(fixture.ctx, signedIn.token))?.passwordChange).toBeNull();
    const entries = await listAuditEntries(fixture.ctx.db, { entityId: userId, limit: 100 });
    expect(entries.find((entry) => entry.action === 'user.password_reset')).toMatchObject({
      actor_id: admin.userId,
      organization_id: fixture.organizations.unit,
      details: { username, revokedSessions: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain(reset.temporaryPassword);
  });

  it('creates an account without a password: a generated temporary one, returned once, to be changed first', async () => {
    const created = await createUser(fixture.ctx, admin, {
      username: 'generated.filler',
      displayName: '生成密码的填报人',
      roles: [{ organizationId: fixture.organizations.unit, role: 'unit_filler' }],
    });
    const temporary = created.temporaryPassword ?? '';
    expect(temporary).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/u);
    expect(passwordProblem(temporary, created.username)).toBeNull();
    expect((await login(fixture.ctx, created.username, temporary, '192.0.2.1')).passwordChange).toBe('must_change');
    // With a password given, nothing is generated and nothing comes back.
    const given = await createUser(fixture.ctx, admin, {
      username: 'given.filler',
      displayName: '',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.unit, role: 'unit_filler' }],
    });
    expect(given).not.toHaveProperty('temporaryPassword');
  });

  it('ends every session of an account and audits it; the CLI (actor null) may too', async () => {
    const { username, userId } = await newAccount();
    const sessions = [
      await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1'),
      await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1'),
    ];
    expect(await revokeUserSessions(fixture.ctx, admin, userId)).toEqual({ userId, revokedSessions: 2 });
    for (const session of sessions) expect(await getSession(fixture.ctx, session.token)).toBeUndefined();
    const again = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    expect(await revokeUserSessions(fixture.ctx, null, userId)).toEqual({ userId, revokedSessions: 1 });
    expect(await getSession(fixture.ctx, again.token)).toBeUndefined();
    expect(await actionsOf(userId)).toContain('user.sessions_revoke');
  });

  it('lets only an admin over every role of the account act, and never on its own account', async () => {
    const { userId } = await newAccount();
    const departmentAdmin = await createUser(fixture.ctx, null, {
      username: 'housing.admin',
      displayName: '住建局管理员',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.department, role: 'admin' }],
    });
    const departmentActor: Actor = {
      userId: departmentAdmin.id,
      username: departmentAdmin.username,
      displayName: departmentAdmin.displayName,
      roles: departmentAdmin.roles,
    };
    await expect(disableUser(fixture.ctx, fixture.actors.finance_reviewer, userId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(resetUserPassword(fixture.ctx, fixture.actors.unit_filler, userId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Inside the department's subtree: allowed. The bureau's reviewer is outside it: reported missing.
    expect(await revokeUserSessions(fixture.ctx, departmentActor, userId)).toMatchObject({ revokedSessions: 0 });
    await expect(
      disableUser(fixture.ctx, departmentActor, fixture.actors.finance_reviewer.userId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(disableUser(fixture.ctx, admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A role in another department as well: only an admin above both may act.
    const straddling = await createUser(fixture.ctx, null, {
      username: 'two.units',
      displayName: '',
      password: TEST_PASSWORD,
      roles: [
        { organizationId: fixture.organizations.unit, role: 'unit_filler' },
        { organizationId: fixture.organizations.otherUnit, role: 'unit_filler' },
      ],
    });
    await expect(disableUser(fixture.ctx, departmentActor, straddling.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await disableUser(fixture.ctx, admin, straddling.id)).toMatchObject({ disabled: true });
    await expect(disableUser(fixture.ctx, admin, admin.userId)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(resetUserPassword(fixture.ctx, admin, admin.userId)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps the audit chain verifying after all of it', async () => {
    expect(await verifyAuditChain(fixture.ctx.db)).toMatchObject({ ok: true });
  });
});
