import { listAuditEntries, verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import type { Actor } from '../context.ts';
import { changePassword } from './change-password.ts';
import { createUser } from './create-user.ts';
import { PASSWORD_HISTORY_SIZE, PASSWORD_MAX_AGE_DAYS } from './password.ts';
import { getSession, login } from './sessions.ts';

const DAY_MS = 86_400_000;

describe.each(testDatabaseKinds())('password expiry, must-change and history on %s', (kind) => {
  let fixture: ServiceFixture;
  let clock = new Date('2025-01-06T09:00:00Z');
  let serial = 0;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    fixture.ctx.now = () => clock;
  });
  afterAll(async () => {
    await fixture.close();
  });

  const advanceDays = (days: number) => {
    clock = new Date(clock.getTime() + days * DAY_MS);
  };

  /** A fresh account in the unit, created by the system (no must-change) or by the bureau's admin. */
  const newAccount = async (by: Actor | null): Promise<{ username: string; userId: string }> => {
    serial += 1;
    const created = await createUser(fixture.ctx, by, {
      username: `pw.user${serial}`,
      displayName: `用户${serial}`,
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.unit, role: 'unit_filler' }],
    });
    return { username: created.username, userId: created.id };
  };

  it(`lets a password live ${PASSWORD_MAX_AGE_DAYS} days, then signs in restricted until it is changed`, async () => {
    const { username } = await newAccount(null);
    advanceDays(PASSWORD_MAX_AGE_DAYS - 1);
    expect((await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).passwordChange).toBeNull();
    // A session opened just before the deadline is restricted once the deadline passes.
    advanceDays(1 - 5 / 1440);
    const early = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    expect(early.passwordChange).toBeNull();
    advanceDays(10 / 1440);
    expect((await getSession(fixture.ctx, early.token))?.passwordChange).toBe('expired');
    const late = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    expect(late.passwordChange).toBe('expired');
    await changePassword(fixture.ctx, late.actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Renewed-pass-2025',
      sessionToken: late.token,
    });
    expect((await getSession(fixture.ctx, late.token))?.passwordChange).toBeNull();
    advanceDays(PASSWORD_MAX_AGE_DAYS - 1);
    expect((await login(fixture.ctx, username, 'Renewed-pass-2025', '192.0.2.1')).passwordChange).toBeNull();
  });

  it("makes an admin's new account change its password at first login, and not the system's", async () => {
    const byAdmin = await newAccount(fixture.actors.admin);
    const signedIn = await login(fixture.ctx, byAdmin.username, TEST_PASSWORD, '192.0.2.1');
    expect(signedIn.passwordChange).toBe('must_change');
    expect((await getSession(fixture.ctx, signedIn.token))?.passwordChange).toBe('must_change');
    await changePassword(fixture.ctx, signedIn.actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'My-own-pass-2025',
      sessionToken: signedIn.token,
    });
    expect((await login(fixture.ctx, byAdmin.username, 'My-own-pass-2025', '192.0.2.1')).passwordChange).toBeNull();
    const bySystem = await newAccount(null);
    expect((await login(fixture.ctx, bySystem.username, TEST_PASSWORD, '192.0.2.1')).passwordChange).toBeNull();
  });

  it('refuses a wrong current password, a weak one, one containing the username, naming the rule', async () => {
    const { username } = await newAccount(null);
    const signedIn = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    const attempt = (currentPassword: string, newPassword: string) =>
      changePassword(fixture.ctx, signedIn.actor, { currentPassword, newPassword, sessionToken: signedIn.token });
    await expect(attempt('Wrong-pass-2025', 'Fresh-pass-2025')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '当前密码不正确',
      details: { fields: { currentPassword: '当前密码不正确' } },
    });
    await expect(attempt(TEST_PASSWORD, 'short')).rejects.toMatchObject({
      details: { fields: { newPassword: expect.stringMatching(/至少需要 10 个字符/) } },
    });
    await expect(attempt(TEST_PASSWORD, `X-${username.toUpperCase()}-2025`)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '密码不能包含用户名',
    });
    await expect(
      createUser(fixture.ctx, null, {
        username: 'alice.wang',
        displayName: '',
        password: 'Alice.Wang-2025',
        roles: [{ organizationId: fixture.organizations.unit, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ details: { fields: { password: '密码不能包含用户名' } } });
  });

  it(`refuses any of the last ${PASSWORD_HISTORY_SIZE} passwords and accepts an older one again`, async () => {
    const { username } = await newAccount(null);
    const signedIn = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    let current = TEST_PASSWORD;
    const changeTo = async (newPassword: string) => {
      await changePassword(fixture.ctx, signedIn.actor, {
        currentPassword: current,
        newPassword,
        sessionToken: signedIn.token,
      });
      current = newPassword;
    };
    const reused = `新密码不能与最近 ${PASSWORD_HISTORY_SIZE} 次使用过的密码相同`;
    await expect(changeTo(TEST_PASSWORD)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: reused });
    for (let index = 1; index < PASSWORD_HISTORY_SIZE; index += 1) await changeTo(`History-pass-${index}`);
    // The history is now the original and four since: each of them is refused.
    await expect(changeTo(TEST_PASSWORD)).rejects.toMatchObject({
      message: reused,
      details: { fields: { newPassword: reused } },
    });
    await expect(changeTo('History-pass-2')).rejects.toMatchObject({ message: reused });
    await changeTo(`History-pass-${PASSWORD_HISTORY_SIZE}`);
    await changeTo(TEST_PASSWORD);
    expect((await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).actor.username).toBe(username);
  });

  it("ends the user's other sessions on a change, keeps the one it was made in, and audits it", async () => {
    const { username, userId } = await newAccount(null);
    const laptop = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    const phone = await login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1');
    const changed = await changePassword(fixture.ctx, laptop.actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'After-change-2025',
      sessionToken: laptop.token,
    });
    expect(changed).toEqual({ revokedSessions: 1 });
    expect(await getSession(fixture.ctx, laptop.token)).toBeDefined();
    expect(await getSession(fixture.ctx, phone.token)).toBeUndefined();
    await expect(login(fixture.ctx, username, TEST_PASSWORD, '192.0.2.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const entries = await listAuditEntries(fixture.ctx.db, { entityId: userId, limit: 100 });
    const change = entries.find((entry) => entry.action === 'user.password_change');
    expect(change).toMatchObject({ actor_id: userId, details: { revokedSessions: 1, wasRequired: null } });
    expect(JSON.stringify(entries)).not.toMatch(/After-change-2025|argon2/);
    expect(await verifyAuditChain(fixture.ctx.db)).toMatchObject({ ok: true });
  });
});
