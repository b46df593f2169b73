import { randomUUID } from 'node:crypto';
import { insertOrganization, updateOrganization } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { updateOrganizationSettings } from '../accounts/update-organization.ts';
import { currentNamesOf } from './current-names.ts';

describe.each(testDatabaseKinds())('the names a public page shows, on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  const namesOf = (organizationId: string) => currentNamesOf(fixture.ctx, fixture.ctx.db, organizationId);

  it('names a unit and its 主管部门 from the organisation tree', async () => {
    const { organizations } = fixture;
    const names = await namesOf(organizations.unit);
    const department = await namesOf(organizations.department);
    expect(names.department).toBe(department.unit);
    expect(names.unit).not.toBe('');
    // The 财政局 has no parent: nothing above it to name.
    expect((await namesOf(organizations.bureau)).department).toBeNull();
  });

  it('names a unit created since the tree was held, and a department renamed by another process', async () => {
    const { organizations } = fixture;
    await namesOf(organizations.unit);
    // Written past the use cases, as another process would: this process's held tree knows neither change.
    const department = await insertOrganization(fixture.ctx.db, {
      id: randomUUID(),
      parent_id: organizations.bureau,
      kind: 'department',
      name: '开福区新设主管部门',
      created_at: new Date(),
    });
    const unit = await insertOrganization(fixture.ctx.db, {
      id: randomUUID(),
      parent_id: department.id,
      kind: 'budget_unit',
      name: '开福区新设单位',
      created_at: new Date(),
    });
    expect(await namesOf(unit.id)).toEqual({ unit: '开福区新设单位', department: '开福区新设主管部门' });
    await updateOrganization(fixture.ctx.db, organizations.department, { name: '另一进程改的名称' });
    // Until the TTL runs out, the held tree answers (as the portal's cached pages do).
    expect((await namesOf(organizations.unit)).department).not.toBe('另一进程改的名称');
  });

  it('shows a rename made through this process at once', async () => {
    const { organizations, actors } = fixture;
    await namesOf(organizations.unit);
    await updateOrganizationSettings(fixture.ctx, actors.admin, {
      organizationId: organizations.department,
      change: 'rename',
      name: '开福区住房和城乡建设局（改名后）',
    });
    expect((await namesOf(organizations.unit)).department).toBe('开福区住房和城乡建设局（改名后）');
  });
});
