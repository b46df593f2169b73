import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSampleRows } from '../../testing/sample-rows.ts';
import { createTestDatabase, testDatabaseKinds } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../connect.ts';
import { listOrganizationChain, listOrganizations } from './organizations.repository.ts';

describe.each(testDatabaseKinds())("an organisation's chain of ancestors on %s", (kind) => {
  let handle: DatabaseHandle;
  let sample: Awaited<ReturnType<typeof insertSampleRows>>;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    sample = await insertSampleRows(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('lists the organisation, then each parent up to the root, as whole rows', async () => {
    const chain = await listOrganizationChain(handle.db, sample.unit.id);
    expect(chain.map((organization) => organization.id)).toEqual([
      sample.unit.id,
      sample.department.id,
      sample.bureau.id,
    ]);
    const all = new Map((await listOrganizations(handle.db)).map((organization) => [organization.id, organization]));
    expect(chain).toEqual(chain.map((organization) => all.get(organization.id)));
  });

  it('lists a root alone, and nothing for an unknown id', async () => {
    expect((await listOrganizationChain(handle.db, sample.bureau.id)).map((organization) => organization.id)).toEqual([
      sample.bureau.id,
    ]);
    expect(await listOrganizationChain(handle.db, randomUUID())).toEqual([]);
  });
});
