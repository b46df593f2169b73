import type { Role } from '@jixiao/core';
import type { DatabaseHandle, DatabaseKind } from '@jixiao/db';
import { createTestDatabase } from '@jixiao/db/testing';
import { createOrganization } from '../src/accounts/create-organization.ts';
import { createUser } from '../src/accounts/create-user.ts';
import { type Actor, createServiceContext, type ServiceContext } from '../src/context.ts';

export const TEST_PASSWORD = 'Test-password-2024';

/** A fresh database with a small district and one user per role (plus a filler in a second unit). */
export type ServiceFixture = {
  handle: DatabaseHandle;
  ctx: ServiceContext;
  organizations: { bureau: string; department: string; unit: string; otherDepartment: string; otherUnit: string };
  actors: Record<Role | 'otherFiller', Actor>;
  close: () => Promise<void>;
};

export const createServiceFixture = async (kind: DatabaseKind): Promise<ServiceFixture> => {
  const handle = await createTestDatabase(kind);
  const ctx = createServiceContext(handle.db);
  const bureau = await createOrganization(ctx, null, { name: '开福区财政局', kind: 'finance_bureau', parentId: null });
  const department = await createOrganization(ctx, null, {
    name: '开福区住房和城乡建设局',
    kind: 'department',
    parentId: bureau.id,
  });
  const unit = await createOrganization(ctx, null, {
    name: '开福区城市房屋征收和补偿管理办公室',
    kind: 'budget_unit',
    parentId: department.id,
  });
  const otherDepartment = await createOrganization(ctx, null, {
    name: '开福区教育局',
    kind: 'department',
    parentId: bureau.id,
  });
  const otherUnit = await createOrganization(ctx, null, {
    name: '开福区教育事务中心',
    kind: 'budget_unit',
    parentId: otherDepartment.id,
  });
  const make = async (username: string, role: Role, organizationId: string): Promise<Actor> => {
    const user = await createUser(ctx, null, {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      roles: [{ organizationId, role }],
    });
    return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
  };
  const actors = {
    unit_filler: await make('filler', 'unit_filler', unit.id),
    unit_approver: await make('approver', 'unit_approver', unit.id),
    department_reviewer: await make('department', 'department_reviewer', department.id),
    finance_reviewer: await make('finance', 'finance_reviewer', bureau.id),
    admin: await make('admin', 'admin', bureau.id),
    otherFiller: await make('other.filler', 'unit_filler', otherUnit.id),
  };
  return {
    handle,
    ctx,
    organizations: {
      bureau: bureau.id,
      department: department.id,
      unit: unit.id,
      otherDepartment: otherDepartment.id,
      otherUnit: otherUnit.id,
    },
    actors,
    close: () => handle.close(),
  };
};
