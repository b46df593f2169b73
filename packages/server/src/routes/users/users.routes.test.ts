import { listAuditEntries } from '@jixiao/db';
import { createUser } from '@jixiao/services';
import { TEST_PASSWORD } from '@jixiao/services/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

type ErrorReply = { error: { code: string; message: string } };

describe('admin account routes: disable, enable, reset-password, revoke-sessions', () => {
  let testApp: TestApp;
  let admin: Session;
  let serial = 0;
  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await testApp.login('admin');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const newAccount = async (): Promise<{ username: string; id: string }> => {
    serial += 1;
    const created = await createUser(testApp.fixture.ctx, null, {
      username: `routes.user${serial}`,
      displayName: `用户${serial}`,
      password: TEST_PASSWORD,
      roles: [{ organizationId: testApp.fixture.organizations.unit, role: 'unit_filler' }],
    });
    return { username: created.username, id: created.id };
  };

  const act = (session: Session | null, id: string, action: string) =>
    testApp.request(session, { method: 'POST', url: `/api/users/${id}/${action}` });

  const loginStatus = async (username: string, password: string) =>
    (await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;

  it('disables an account: the next request on its old cookie gets 401, and it cannot sign in until enabled', async () => {
    const { username, id } = await newAccount();
    const session = await testApp.login(username);
    expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    const disabled = await act(admin, id, 'disable');
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toEqual({ userId: id, disabled: true, revokedSessions: 1 });
    expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(401);
    expect((await testApp.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await loginStatus(username, TEST_PASSWORD)).toBe(403);
    expect(await loginStatus(username, 'Wrong-password-2024')).toBe(401);
    const listed = (await testApp.request(admin, { method: 'GET', url: '/api/users' })).json<{ id: string }[]>();
    expect(listed.find((user) => user.id === id)).toMatchObject({ disabled: true });
    expect((await act(admin, id, 'enable')).json()).toEqual({ userId: id, disabled: false });
    expect(await loginStatus(username, TEST_PASSWORD)).toBe(200);
  });

  it('resets a password: the temporary one is shown once, signs in restricted, and must be changed', async () => {
    const { username, id } = await newAccount();
    const before = await testApp.login(username);
    const reset = await act(admin, id, 'reset-password');
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect(reset.json()).toMatchObject({ userId: id, username, revokedSessions: 1 });
    expect((await testApp.request(before, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await loginStatus(username, TEST_PASSWORD)).toBe(401);
    const session = await testApp.login(username, temporaryPassword);
    const blocked = await testApp.request(session, { method: 'GET', url: '/api/evaluations' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ErrorReply>().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await testApp.request(session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporaryPassword, newPassword: 'Chosen-by-user-1' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(200);
    const users = (await testApp.request(admin, { method: 'GET', url: '/api/users' })).body;
    expect(users).not.toContain(temporaryPassword);
  });

  it('creates an account with a generated temporary password, answered once, that must be changed', async () => {
    const created = await testApp.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'routes.generated',
        displayName: '新填报人',
        roles: [{ organizationId: testApp.fixture.organizations.unit, role: 'unit_filler' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json<{ temporaryPassword: string }>();
    expect(temporaryPassword).toHaveLength(19);
    const session = await testApp.login('routes.generated', temporaryPassword);
    expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(403);
    expect((await testApp.request(admin, { method: 'GET', url: '/api/users' })).body).not.toContain(temporaryPassword);
  });

  it('names the field at fault: a username taken, a role that does not fit the organisation', async () => {
    const create = (username: string, role: string, organizationId: string) =>
      testApp.request(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username, roles: [{ organizationId, role }] },
      });
    const { organizations } = testApp.fixture;
    const taken = await create('filler', 'unit_filler', organizations.unit);
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      username: '用户名“filler”已被使用',
    });
    const misplaced = await create('routes.misplaced', 'unit_filler', organizations.department);
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json<{ error: { fields: Record<string, string> } }>().error.fields['roles']).toBe(
      '“单位填报”角色不能授予在“开福区住房和城乡建设局”上',
    );
  });

  it('ends every session of an account', async () => {
    const { username, id } = await newAccount();
    const sessions = [await testApp.login(username), await testApp.login(username)];
    const revoked = await act(admin, id, 'revoke-sessions');
    expect(revoked.json()).toEqual({ userId: id, revokedSessions: 2 });
    for (const session of sessions) {
      expect((await testApp.request(session, { method: 'GET', url: '/api/evaluations' })).statusCode).toBe(401);
    }
    expect(await loginStatus(username, TEST_PASSWORD)).toBe(200);
  });

  it('leaves these to admins, refuses an admin its own account, and validates the id', async () => {
    const { id } = await newAccount();
    const finance = await testApp.login('finance');
    for (const action of ['disable', 'enable', 'reset-password', 'revoke-sessions']) {
      expect((await act(finance, id, action)).statusCode).toBe(403);
      expect((await act(null, id, action)).statusCode).toBe(401);
    }
    const self = await act(admin, testApp.fixture.actors.admin.userId, 'disable');
    expect(self.statusCode).toBe(400);
    expect(self.json<ErrorReply>().error.message).toBe('不能停用自己的账户');
    expect((await act(admin, 'not-a-uuid', 'disable')).statusCode).toBe(400);
    expect((await act(admin, '00000000-0000-4000-8000-000000000000', 'disable')).statusCode).toBe(404);
  });

  it('writes every action to the audit log, and the chain verifies', async () => {
    const { id } = await newAccount();
    for (const action of ['disable', 'enable', 'reset-password', 'revoke-sessions']) {
      expect((await act(admin, id, action)).statusCode).toBe(200);
    }
    const entries = await listAuditEntries(testApp.fixture.handle.db, { entityId: id, limit: 100 });
    expect(entries.map((entry) => entry.action)).toEqual([
      'user.create',
      'user.disable',
      'user.enable',
      'user.password_reset',
      'user.sessions_revoke',
    ]);
    expect(entries.slice(1).every((entry) => entry.actor_id === testApp.fixture.actors.admin.userId)).toBe(true);
    const verified = await testApp.request(admin, { method: 'GET', url: '/api/audit-log/verify' });
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
