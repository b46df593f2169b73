import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

describe('organization, user, findings and audit routes', () => {
  let testApp: TestApp;
  let admin: Session;
  let filler: Session;
  let finance: Session;
  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await testApp.login('admin');
    filler = await testApp.login('filler');
    finance = await testApp.login('finance');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists the organisations an actor can see', async () => {
    const all = await testApp.request(admin, { method: 'GET', url: '/api/organizations' });
    expect(all.json<unknown[]>()).toHaveLength(5);
    const own = await testApp.request(filler, { method: 'GET', url: '/api/organizations' });
    expect(own.json()).toEqual([
      expect.objectContaining({ name: '开福区城市房屋征收和补偿管理办公室', kind: 'budget_unit' }),
    ]);
    expect((await testApp.request(null, { method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
  });

  it('lets an admin rename, stop and restart a unit, and change an account’s roles', async () => {
    const { organizations } = testApp.fixture;
    const url = `/api/organizations/${organizations.otherUnit}`;
    const renamed = await testApp.request(admin, { method: 'PATCH', url, payload: { name: '开福区教育服务中心' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '开福区教育服务中心', stoppedAt: null });
    expect((await testApp.request(admin, { method: 'POST', url: `${url}/stop`, payload: {} })).statusCode).toBe(400);
    const stopped = await testApp.request(admin, { method: 'POST', url: `${url}/stop`, payload: { reason: '撤并' } });
    expect(stopped.json<{ stoppedAt: string | null }>().stoppedAt).not.toBeNull();
    const listed = await testApp.request(admin, { method: 'GET', url: '/api/organizations' });
    expect(
      listed.json<{ id: string; stoppedAt: string | null }[]>().find((item) => item.id === organizations.otherUnit),
    ).toMatchObject({ stoppedAt: expect.any(String) });
    expect((await testApp.request(admin, { method: 'POST', url: `${url}/resume` })).json()).toMatchObject({
      stoppedAt: null,
    });
    expect((await testApp.request(filler, { method: 'PATCH', url, payload: { name: 'x' } })).statusCode).toBe(403);

    const users = (await testApp.request(admin, { method: 'GET', url: '/api/users' })).json<
      { id: string; username: string; lastLoginAt: string | null }[]
    >();
    const approver = users.find((user) => user.username === 'approver');
    expect(approver?.lastLoginAt ?? null).toBeNull();
    expect(users.find((user) => user.username === 'filler')?.lastLoginAt).toEqual(expect.any(String));
    const roles = [{ organizationId: organizations.unit, role: 'unit_filler' }];
    const changed = await testApp.request(admin, {
      method: 'PUT',
      url: `/api/users/${approver?.id}/roles`,
      payload: { roles },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ userId: approver?.id, roles });
  });

  it('lets an admin add a unit: 201, 400, 403, 404, 409', async () => {
    const payload = {
      name: '开福区征地事务中心',
      kind: 'budget_unit',
      parentId: testApp.fixture.organizations.department,
    };
    const created = await testApp.request(admin, { method: 'POST', url: '/api/organizations', payload });
    expect(created.statusCode).toBe(201);
    expect((await testApp.request(admin, { method: 'POST', url: '/api/organizations', payload })).statusCode).toBe(409);
    expect(
      (
        await testApp.request(admin, {
          method: 'POST',
          url: '/api/organizations',
          payload: { ...payload, kind: 'planet' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await testApp.request(filler, {
          method: 'POST',
          url: '/api/organizations',
          payload: { ...payload, name: '另一个' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await testApp.request(finance, {
          method: 'POST',
          url: '/api/organizations',
          payload: { ...payload, name: '另两个' },
        })
      ).statusCode,
    ).toBe(403);
    const unknownParent = { ...payload, name: '孤儿单位', parentId: '00000000-0000-4000-8000-000000000000' };
    expect(
      (await testApp.request(admin, { method: 'POST', url: '/api/organizations', payload: unknownParent })).statusCode,
    ).toBe(404);
  });

  it('lets an admin add a user: 201, 400 for a weak password, 403, 409', async () => {
    const payload = {
      username: 'new.filler',
      displayName: '新填报员',
      password: 'Another-pass-99',
      roles: [{ organizationId: testApp.fixture.organizations.unit, role: 'unit_filler' }],
    };
    const created = await testApp.request(admin, { method: 'POST', url: '/api/users', payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('password');
    expect((await testApp.request(admin, { method: 'POST', url: '/api/users', payload })).statusCode).toBe(409);
    const weak = await testApp.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { ...payload, username: 'weak.user', password: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { fields: { password: expect.stringMatching(/至少/) } } });
    expect(
      (
        await testApp.request(filler, {
          method: 'POST',
          url: '/api/users',
          payload: { ...payload, username: 'x.user' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await testApp.request(null, { method: 'POST', url: '/api/users', payload })).statusCode).toBe(401);
  });

  it('lists users to admins only, with their roles', async () => {
    const users = await testApp.request(admin, { method: 'GET', url: '/api/users' });
    expect(users.statusCode).toBe(200);
    const names = users.json<{ username: string; roles: unknown[] }[]>().map((user) => user.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'filler', 'finance', 'other.filler']));
    // No password nor hash; the password's age (passwordChangedAt and the like) is for admins to see.
    expect(users.body).not.toMatch(/"password"|password_?hash|argon2/i);
    expect((await testApp.request(finance, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await testApp.request(null, { method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('lists the rule sets to anyone', async () => {
    const response = await testApp.request(null, { method: 'GET', url: '/api/rule-sets' });
    expect(response.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'national-2020', status: 'active' })]),
    );
  });

  it('lists findings within scope and validates filters', async () => {
    expect((await testApp.request(finance, { method: 'GET', url: '/api/findings' })).statusCode).toBe(200);
    expect((await testApp.request(finance, { method: 'GET', url: '/api/findings?severity=fatal' })).statusCode).toBe(
      400,
    );
    expect((await testApp.request(null, { method: 'GET', url: '/api/findings' })).statusCode).toBe(401);
  });

  it('verifies the audit chain for the bureau and admins only', async () => {
    const verified = await testApp.request(finance, { method: 'GET', url: '/api/audit-log/verify' });
    expect(verified.json()).toMatchObject({ ok: true });
    expect((await testApp.request(filler, { method: 'GET', url: '/api/audit-log/verify' })).statusCode).toBe(403);
    expect((await testApp.request(null, { method: 'GET', url: '/api/audit-log/verify' })).statusCode).toBe(401);
  });
});
