import { generateForm } from '@jixiao/core/testing';
import { listAuditEntries } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { login } from './sessions.ts';
import { setUserRoles } from './set-user-roles.ts';
import { updateOrganizationSettings } from './update-organization.ts';

describe.each(testDatabaseKinds())('administering units and roles on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('renames a unit, refusing a name another unit has, and only for an admin above it', async () => {
    const { ctx, actors, organizations } = fixture;
    const renamed = await updateOrganizationSettings(ctx, actors.admin, {
      organizationId: organizations.otherUnit,
      change: 'rename',
      name: ' 开福区教育事务服务中心 ',
    });
    expect(renamed.name).toBe('开福区教育事务服务中心');
    await expect(
      updateOrganizationSettings(ctx, actors.admin, {
        organizationId: organizations.otherUnit,
        change: 'rename',
        name: '开福区城市房屋征收和补偿管理办公室',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      updateOrganizationSettings(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        change: 'rename',
        name: '自己改名',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateOrganizationSettings(ctx, actors.admin, {
        organizationId: organizations.bureau,
        change: 'rename',
        name: 'x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('stops a unit with a reason: no new evaluation or account in it until it is started again', async () => {
    const { ctx, actors, organizations } = fixture;
    await expect(
      updateOrganizationSettings(ctx, actors.admin, {
        organizationId: organizations.unit,
        change: 'stop',
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const stopped = await updateOrganizationSettings(ctx, actors.admin, {
      organizationId: organizations.unit,
      change: 'stop',
      reason: '机构改革，职能并入区住建局',
    });
    expect(stopped.stopped_at).toBeInstanceOf(Date);
    const form = { ...generateForm(5), projectName: '停用后的项目', fiscalYear: 2023 };
    await expect(
      createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('已停用') });
    await expect(
      createUser(ctx, actors.admin, {
        username: 'late.filler',
        displayName: '迟到的填报员',
        password: TEST_PASSWORD,
        roles: [{ organizationId: organizations.unit, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await updateOrganizationSettings(ctx, actors.admin, { organizationId: organizations.unit, change: 'resume' });
    expect((await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form })).status).toBe(
      'draft',
    );
    const audit = await listAuditEntries(ctx.db, { entityId: organizations.unit, limit: 100 });
    expect(audit.map((entry) => [entry.action, entry.reason])).toEqual(
      expect.arrayContaining([
        ['organization.stop', '机构改革，职能并入区住建局'],
        ['organization.resume', null],
      ]),
    );
  });

  it('changes an account’s roles within the admin’s reach, never the admin’s own, and shows the last sign-in', async () => {
    const { ctx, actors, organizations } = fixture;
    const created = await createUser(ctx, actors.admin, {
      username: 'role.change',
      displayName: '调岗人员',
      password: TEST_PASSWORD,
      roles: [{ organizationId: organizations.unit, role: 'unit_filler' }],
    });
    const listed = async () => (await listUsers(ctx, actors.admin)).find((user) => user.id === created.id);
    expect((await listed())?.lastLoginAt).toBeNull();
    const before = ctx.now().getTime();
    await login(ctx, 'role.change', TEST_PASSWORD, '192.0.2.9');
    expect(Date.parse((await listed())?.lastLoginAt ?? '')).toBeGreaterThanOrEqual(before);

    const changed = await setUserRoles(ctx, actors.admin, {
      userId: created.id,
      roles: [
        { organizationId: organizations.unit, role: 'unit_approver' },
        { organizationId: organizations.department, role: 'department_reviewer' },
      ],
    });
    expect(changed.roles).toHaveLength(2);
    expect((await listed())?.roles).toEqual(
      expect.arrayContaining([
        { organizationId: organizations.unit, role: 'unit_approver' },
        { organizationId: organizations.department, role: 'department_reviewer' },
      ]),
    );
    await expect(
      setUserRoles(ctx, actors.admin, {
        userId: created.id,
        roles: [{ organizationId: organizations.unit, role: 'admin' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setUserRoles(ctx, actors.admin, { userId: created.id, roles: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      setUserRoles(ctx, actors.admin, {
        userId: actors.admin.userId,
        roles: [{ organizationId: organizations.bureau, role: 'finance_reviewer' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      setUserRoles(ctx, actors.unit_filler, {
        userId: created.id,
        roles: [{ organizationId: organizations.unit, role: 'unit_filler' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
